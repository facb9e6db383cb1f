package fiblab.bench.model;

/**
 * The simulations' clock over a machine's cores, shared as an operating system shares them: while
 * {@code running} tasks run, each does {@code min(1, cores / running)} seconds of work per second.
 * Work is counted in virtual seconds, so a task that needs {@code w} seconds alone ends when virtual
 * time has moved {@code w} on, however the count of running tasks changed meanwhile.
 */
final class SharedCores {

    private final double cores;
    private double now;
    private double virtual;

    SharedCores(double cores) {
        this.cores = cores;
    }

    /** Wall time, in seconds since the run began. */
    double now() {
        return now;
    }

    /** Work time: how much work a task running since time 0 would have done. */
    double virtual() {
        return virtual;
    }

    /** The wall time at which virtual time reaches {@code virtualEnd} if {@code running} stays as it is. */
    double wallTimeOf(double virtualEnd, int running) {
        return wallTimeOf(virtualEnd, running, 1);
    }

    /** As {@link #wallTimeOf(double, int)}, with the tasks getting only {@code speed} (0–1) of their share. */
    double wallTimeOf(double virtualEnd, int running, double speed) {
        double left = virtualEnd - virtual;
        return left <= 0 ? now : now + left / (speed * rate(running));
    }

    /** Moves the clock on to {@code next}, with {@code running} tasks having shared the cores until then. */
    void advanceTo(double next, int running) {
        advanceTo(next, running, 1);
    }

    /** As {@link #advanceTo(double, int)}, with the tasks having got only {@code speed} (0–1) of their share. */
    void advanceTo(double next, int running, double speed) {
        virtual += speed * rate(running) * (next - now);
        now = next;
    }

    private double rate(int running) {
        return running == 0 ? 0 : Math.min(1, cores / running);
    }
}
