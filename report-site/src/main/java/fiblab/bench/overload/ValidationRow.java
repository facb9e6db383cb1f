package fiblab.bench.overload;

import java.util.Locale;

/**
 * The model's prediction beside one measured overload step. Errors are (predicted − measured) /
 * measured, so 0.25 means the model said 25 % more than was measured. For an async step the model's
 * queue too (its peak backlog and drain, to set beside the step's measured ones); null for inline.
 */
public record ValidationRow(
        String path,
        double multiple,
        double offeredPerSecond,
        double measuredP50Millis,
        double predictedP50Millis,
        double measuredP99Millis,
        double predictedP99Millis,
        double measuredGoodputPerSecond,
        double predictedGoodputPerSecond,
        Queue queue) {

    /**
     * An async step's queue: its most jobs accepted and not yet stored, and from the end of the load
     * until the last was stored, measured and predicted.
     */
    public record Queue(
            long measuredPeakBacklog,
            long predictedPeakBacklog,
            double measuredDrainSeconds,
            double predictedDrainSeconds,
            boolean measuredDrainCutShort) {

        /** Below this measured backlog a relative error says nothing (3 against 1 job is +200 %). */
        public static final long SMALLEST_BACKLOG = 10;

        /** Below this measured drain a relative error says nothing. */
        public static final double SHORTEST_DRAIN_SECONDS = 1;

        /** The backlog's relative error; NaN (no error) under {@link #SMALLEST_BACKLOG}. */
        public double backlogError() {
            return measuredPeakBacklog < SMALLEST_BACKLOG
                    ? Double.NaN
                    : relative(predictedPeakBacklog, measuredPeakBacklog);
        }

        /**
         * The drain's relative error; NaN (no error) under {@link #SHORTEST_DRAIN_SECONDS}, and when the measured
         * drain is only a lower bound (the runner stopped reading before every job was stored).
         */
        public double drainError() {
            return measuredDrainSeconds < SHORTEST_DRAIN_SECONDS || measuredDrainCutShort
                    ? Double.NaN
                    : relative(predictedDrainSeconds, measuredDrainSeconds);
        }
    }

    /** A row without the model's queue (an inline step). */
    public ValidationRow(
            String path,
            double multiple,
            double offeredPerSecond,
            double measuredP50Millis,
            double predictedP50Millis,
            double measuredP99Millis,
            double predictedP99Millis,
            double measuredGoodputPerSecond,
            double predictedGoodputPerSecond) {
        this(
                path,
                multiple,
                offeredPerSecond,
                measuredP50Millis,
                predictedP50Millis,
                measuredP99Millis,
                predictedP99Millis,
                measuredGoodputPerSecond,
                predictedGoodputPerSecond,
                null);
    }

    public double p50Error() {
        return relative(predictedP50Millis, measuredP50Millis);
    }

    public double p99Error() {
        return relative(predictedP99Millis, measuredP99Millis);
    }

    public double goodputError() {
        return relative(predictedGoodputPerSecond, measuredGoodputPerSecond);
    }

    /** The largest of the three errors, in absolute value. */
    public double worstError() {
        return Math.max(Math.abs(p50Error()), Math.max(Math.abs(p99Error()), Math.abs(goodputError())));
    }

    /**
     * The row as the validation table prints it: path, multiple and offered rate, then predicted,
     * measured and error for p50, p99 and goodput.
     */
    public String tableLine() {
        return String.format(
                Locale.ROOT,
                "%s %.1fx %.1f | %.0f %.0f %+.0f%% | %.0f %.0f %+.0f%% | %.1f %.1f %+.0f%%",
                path,
                multiple,
                offeredPerSecond,
                predictedP50Millis,
                measuredP50Millis,
                100 * p50Error(),
                predictedP99Millis,
                measuredP99Millis,
                100 * p99Error(),
                predictedGoodputPerSecond,
                measuredGoodputPerSecond,
                100 * goodputError());
    }

    static double relative(double predicted, double measured) {
        if (measured == 0) {
            return predicted == 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        return (predicted - measured) / measured;
    }
}
