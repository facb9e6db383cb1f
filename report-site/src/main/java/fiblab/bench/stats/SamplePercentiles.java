package fiblab.bench.stats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

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
}
