package fiblab.bench.stats;

import org.HdrHistogram.Histogram;

/**
 * The percentiles a reader needs to judge a latency distribution, in milliseconds. The mean is
 * kept for completeness but is never the headline: one slow request hides in it.
 */
public record LatencySummary(
        long count, double min, double p50, double p90, double p99, double p999, double max, double mean) {

    /** Summarises a histogram whose values are microseconds. */
    public static LatencySummary of(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return new LatencySummary(0, 0, 0, 0, 0, 0, 0, 0);
        }
        return new LatencySummary(
                micros.getTotalCount(),
                millis(micros.getMinValue()),
                millis(micros.getValueAtPercentile(50)),
                millis(micros.getValueAtPercentile(90)),
                millis(micros.getValueAtPercentile(99)),
                millis(micros.getValueAtPercentile(99.9)),
                millis(micros.getMaxValue()),
                round(micros.getMean() / 1_000.0));
    }

    static double millis(long micros) {
        return round(micros / 1_000.0);
    }

    /** Milliseconds with microsecond resolution: three decimals. */
    static double round(double millis) {
        return Math.round(millis * 1_000.0) / 1_000.0;
    }
}
