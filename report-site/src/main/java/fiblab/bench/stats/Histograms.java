package fiblab.bench.stats;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** Creates the latency histograms every measurement uses: microseconds, three significant digits. */
public final class Histograms {

    /** Values are recorded in microseconds; 3 significant digits keep every value within 0.1 %. */
    public static final int SIGNIFICANT_DIGITS = 3;

    private Histograms() {}

    /** A histogram that many load threads can record into at once; it grows to any value. */
    public static Histogram concurrent() {
        return new ConcurrentHistogram(SIGNIFICANT_DIGITS);
    }

    /** Records a duration measured in nanoseconds, as whole microseconds (at least 0). */
    public static void recordNanos(Histogram histogram, long nanos) {
        histogram.recordValue(Math.max(0, nanos / 1_000));
    }
}
