package fiblab.bench.model;

import java.util.SplittableRandom;

/**
 * The intended send times of one load point: evenly spaced ones at i / rate from 0, as the
 * benchmark's open loop schedules them, or a Poisson process; none at or after the duration.
 */
final class ArrivalClock {

    private final LoadPoint load;
    private final SplittableRandom random;
    private final long planned;
    private long index;
    private double next;

    ArrivalClock(LoadPoint load, SplittableRandom random) {
        this.load = load;
        this.random = random;
        this.planned = Math.round(load.ratePerSecond() * load.durationSeconds());
        this.next = load.arrivals() == Arrivals.UNIFORM ? 0 : gap();
    }

    /** The next arrival's time, or infinity when the load is over. */
    double peek() {
        if (load.arrivals() == Arrivals.UNIFORM) {
            return index < planned ? next : Double.POSITIVE_INFINITY;
        }
        return next < load.durationSeconds() ? next : Double.POSITIVE_INFINITY;
    }

    void advance() {
        index++;
        next = load.arrivals() == Arrivals.UNIFORM ? index / load.ratePerSecond() : next + gap();
    }

    private double gap() {
        return -Math.log(1 - random.nextDouble()) / load.ratePerSecond();
    }
}
