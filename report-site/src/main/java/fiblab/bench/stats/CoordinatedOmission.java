package fiblab.bench.stats;

import org.HdrHistogram.Histogram;

/**
 * Correction for coordinated omission in closed-loop measurements. A closed-loop client that waits
 * for a slow response does not send the requests it would have sent meanwhile, so the slow period
 * is under-sampled. HdrHistogram back-fills the missing samples: a value V recorded where a sample
 * was expected every I adds V-I, V-2I, … down to I. The open-loop generator avoids the problem
 * instead, by measuring from each request's intended send time.
 */
public final class CoordinatedOmission {

    private CoordinatedOmission() {}

    /** A corrected copy; the input stays as measured. Both in microseconds. */
    public static Histogram corrected(Histogram micros, long expectedIntervalMicros) {
        if (expectedIntervalMicros <= 0) {
            throw new IllegalArgumentException("expected interval must be positive, was " + expectedIntervalMicros);
        }
        return micros.copyCorrectedForCoordinatedOmission(expectedIntervalMicros);
    }

    /**
     * The interval at which one closed-loop client meant to send, estimated from the run itself:
     * clients × duration / completed requests (a client's mean cycle time).
     */
    public static long expectedIntervalMicros(int clients, long durationNanos, long completed) {
        if (completed <= 0) {
            return 0;
        }
        return Math.max(1, clients * (durationNanos / 1_000) / completed);
    }
}
