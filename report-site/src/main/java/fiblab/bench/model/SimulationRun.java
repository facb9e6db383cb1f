package fiblab.bench.model;

import fiblab.bench.stats.Goodput;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;

/**
 * What every simulated run of a path keeps: its load, its service time and seeded random draws, the
 * shared cores, the API's throttle, and the tally of outcomes and latencies it turns into a
 * {@link PathPrediction}.
 */
abstract class SimulationRun {

    final LoadPoint load;
    final ServiceTime service;
    final SplittableRandom random;
    final SharedCores cores;
    final TokenBucket api;
    final Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
    final Histogram latency = new Histogram(3);

    SimulationRun(LoadPoint load, ServiceTime service, double cores, TokenBucket api) {
        this.load = load;
        this.service = service;
        this.random = new SplittableRandom(load.seed());
        this.cores = new SharedCores(cores);
        this.api = api;
    }

    void count(Outcome outcome) {
        outcomes.merge(outcome, 1L, Long::sum);
    }

    long counted(Outcome outcome) {
        return outcomes.getOrDefault(outcome, 0L);
    }

    /** When each right answer was seen, in seconds of the run (the first {@code answers} slots). */
    private double[] seen = new double[1024];

    private int answers;

    /** Records a right answer seen at {@code seenAt} for a request meant to go out at {@code intended}. */
    void recordAnswer(double intended, double seenAt) {
        latency.recordValue(Math.max(0, Math.round((seenAt - intended) * 1e6)));
        if (answers == seen.length) {
            seen = java.util.Arrays.copyOf(seen, seen.length * 2);
        }
        seen[answers++] = seenAt;
    }

    /**
     * @param refused requests the path turned away, for the throttled share
     * @param peak the largest backlog or number in flight
     */
    PathPrediction prediction(
            String path,
            long offered,
            long refused,
            long peak,
            double drainSeconds,
            double apiRequestsPer,
            Limit binding) {
        return new PathPrediction(
                path,
                load.ratePerSecond(),
                offered,
                Map.copyOf(outcomes),
                goodputPerSecond(offered),
                millis(latency, 50),
                millis(latency, 99),
                latency.getTotalCount() == 0 ? Double.NaN : latency.getMean() / 1_000.0,
                offered == 0 ? 0 : (double) refused / offered,
                peak,
                drainSeconds,
                apiRequestsPer,
                binding);
    }

    /** As the benchmark measures a step ({@link Goodput}), Poisson counts above the nominal rate included. */
    private double goodputPerSecond(long offered) {
        return Goodput.perSecond(seen, answers, offered, load.ratePerSecond(), load.durationSeconds());
    }

    static double millis(Histogram micros, double percentile) {
        return micros.getTotalCount() == 0 ? Double.NaN : micros.getValueAtPercentile(percentile) / 1_000.0;
    }
}
