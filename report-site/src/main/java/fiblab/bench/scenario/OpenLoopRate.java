package fiblab.bench.scenario;

import java.util.Locale;

/**
 * The open loop's rate and where it came from. Given with {@code --rate}, it is used as given. By
 * default it is a share of what the slower path delivered in a closed loop in this session (the
 * seed run, or a short probe when the seed did not run first), so that the default open loop
 * measures both paths below their capacity on this machine instead of queueing past it: a fixed
 * default (100/s) was 3–5 times what the local async path could take on 2 shared cores.
 *
 * @param perSecond operations per second, the same for both paths so that they stay comparable
 * @param source    how it was chosen, in words, for the log and the README's reader
 */
public record OpenLoopRate(double perSecond, String source) {

    /**
     * The default open loop offers this share of the slower path's closed-loop throughput. Not more:
     * the closed loop holds at most its clients' jobs in flight, while an open loop's in-flight jobs
     * grow with any slowdown, each polling every poll interval, so near the closed-loop rate a
     * passing slowdown on a shared machine tips the async path into a backlog (0.8 × gave 82.8 %
     * of offered on 2 shared cores, 2026-12-01).
     */
    public static final double SHARE_OF_CLOSED_LOOP = 0.5;

    public static OpenLoopRate given(double perSecond) {
        return new OpenLoopRate(perSecond, "given with --rate");
    }

    /**
     * @param measuredBy the closed-loop run both throughputs come from, e.g. "the seed run"
     * @throws IllegalStateException when a path completed nothing, so no rate follows from it
     */
    public static OpenLoopRate derived(double inlinePerSecond, double asyncPerSecond, String measuredBy) {
        boolean asyncSlower = asyncPerSecond <= inlinePerSecond;
        String path = asyncSlower ? "async" : "inline";
        double slower = Math.min(inlinePerSecond, asyncPerSecond);
        if (!(slower > 0)) {
            throw new IllegalStateException("no default open-loop rate: the " + path + " path completed nothing in "
                    + measuredBy + "; give one with --rate");
        }
        double rate = Math.max(0.1, Math.round(slower * SHARE_OF_CLOSED_LOOP * 10) / 10.0);
        return new OpenLoopRate(
                rate,
                String.format(
                        Locale.ROOT,
                        "%.1f x the %s path's closed-loop throughput in %s (%.1f/s), the slower of the two paths",
                        SHARE_OF_CLOSED_LOOP,
                        path,
                        measuredBy,
                        slower));
    }
}
