package fiblab.bench.stats;

/** Completed operations per second of wall-clock time. */
public final class Throughput {

    private Throughput() {}

    public static double perSecond(long completed, long durationNanos) {
        if (durationNanos <= 0) {
            return 0;
        }
        return Math.round(completed * 1e9 / durationNanos * 100.0) / 100.0;
    }
}
