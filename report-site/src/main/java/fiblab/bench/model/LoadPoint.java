package fiblab.bench.model;

/**
 * One offered load the model is asked about.
 *
 * @param ratePerSecond   offered requests (inline) or jobs (async) per second
 * @param durationSeconds how long the load lasts; the model then lets every admitted request finish
 * @param arrivals        Poisson or evenly spaced
 * @param seed            the random generator's seed: the same seed gives the same answer
 */
public record LoadPoint(double ratePerSecond, double durationSeconds, Arrivals arrivals, long seed) {

    /** Arrivals one simulation may handle; beyond, a shorter duration is asked for instead of running for minutes. */
    public static final long MAX_ARRIVALS = 3_000_000;

    public LoadPoint {
        if (!(ratePerSecond > 0) || !(durationSeconds > 0)) {
            throw new IllegalArgumentException("rate and duration must be positive");
        }
        if (ratePerSecond * durationSeconds > MAX_ARRIVALS) {
            throw new IllegalArgumentException(String.format(
                    java.util.Locale.ROOT,
                    "%.0f/s for %.0f s is more than %d arrivals; shorten the duration",
                    ratePerSecond,
                    durationSeconds,
                    MAX_ARRIVALS));
        }
    }
}
