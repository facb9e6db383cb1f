package fiblab.bench.stats;

import java.util.LinkedHashMap;
import java.util.Map;
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

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("count", count);
        map.put("p50", p50);
        map.put("p90", p90);
        map.put("p99", p99);
        map.put("p999", p999);
        map.put("max", max);
        map.put("min", min);
        map.put("mean", mean);
        return map;
    }

    static double millis(long micros) {
        return round(micros / 1_000.0);
    }

    /** Milliseconds with microsecond resolution: three decimals. */
    static double round(double millis) {
        return Math.round(millis * 1_000.0) / 1_000.0;
    }
}
