package fiblab.bench.stats;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * Lambda bills each invocation's duration rounded up to the next millisecond
 * (https://aws.amazon.com/lambda/pricing/). The mean of those rounded durations is what a
 * million invocations cost in duration, which the mean of the raw durations understates.
 */
public final class BilledMillis {

    private BilledMillis() {}

    /** The mean, over every recorded value (microseconds), of the value rounded up to whole milliseconds. */
    public static double mean(Histogram micros) {
        long count = micros.getTotalCount();
        if (count == 0) {
            return 0;
        }
        double sum = 0;
        for (HistogramIterationValue v : micros.recordedValues()) {
            // The bucket's lowest value: a duration recorded as exactly 3,000 µs must bill 3 ms, not 4.
            // (Buckets are 0.1 % wide, so above a second this is as precise as the histogram.)
            long value = micros.lowestEquivalentValue(v.getValueIteratedTo());
            sum += Math.ceil(value / 1_000.0) * v.getCountAtValueIteratedTo();
        }
        return Math.round(sum / count * 1_000) / 1_000.0;
    }
}
