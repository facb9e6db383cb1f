package fiblab.bench.stats;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * The full percentile distribution of a histogram, as HdrHistogram prints it: points packed
 * closer together toward the tail, so that a log axis of 1/(1-percentile) shows p99.9 as clearly
 * as the median.
 */
public final class PercentileCurve {

    private static final int TICKS_PER_HALF_DISTANCE = 5;

    private PercentileCurve() {}

    /** Points of [percentile (0–100), latency in ms], ending with the maximum at 100. */
    public static List<List<Double>> of(Histogram micros) {
        List<List<Double>> points = new ArrayList<>();
        if (micros.getTotalCount() == 0) {
            return points;
        }
        for (HistogramIterationValue value : micros.percentiles(TICKS_PER_HALF_DISTANCE)) {
            double percentile = value.getPercentileLevelIteratedTo();
            double millis = LatencySummary.millis(micros.highestEquivalentValue(value.getValueIteratedTo()));
            points.add(List.of(Math.min(100.0, round(percentile)), millis));
            if (percentile >= 100.0) {
                break;
            }
        }
        return points;
    }

    private static double round(double percentile) {
        return Math.round(percentile * 10_000.0) / 10_000.0;
    }
}
