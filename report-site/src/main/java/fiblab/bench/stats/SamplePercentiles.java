package fiblab.bench.stats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Percentiles of a handful of samples (cold starts: ten or so per configuration), by the
 * nearest-rank rule: p90 of ten samples is the ninth smallest, a value that was really measured.
 * Too few samples for a histogram; and a mean would hide the one slow start.
 */
public final class SamplePercentiles {

    private SamplePercentiles() {}

    /** The nearest-rank percentile: the smallest sample with at least p % of the samples at or below it. */
    public static double nearestRank(List<Double> samples, double percentile) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no samples");
        }
        if (percentile <= 0 || percentile > 100) {
            throw new IllegalArgumentException("percentile must be in (0, 100], was " + percentile);
        }
        List<Double> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
        return sorted.get(Math.max(1, rank) - 1);
    }

    /** {@code {count, p50, p90, max, min}}, rounded to 0.01. */
    public static Map<String, Object> summary(List<Double> samples) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("count", samples.size());
        if (samples.isEmpty()) {
            return map;
        }
        map.put("p50", round(nearestRank(samples, 50)));
        map.put("p90", round(nearestRank(samples, 90)));
        map.put("max", round(nearestRank(samples, 100)));
        map.put("min", round(Collections.min(samples)));
        return map;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
