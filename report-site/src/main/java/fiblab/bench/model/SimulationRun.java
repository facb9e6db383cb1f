package fiblab.bench.model;

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

    /** Records one answer {@code seconds} after its request was meant to go out. */
    void recordLatency(double seconds) {
        latency.recordValue(Math.max(0, Math.round(seconds * 1e6)));
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
                counted(Outcome.OK) / load.durationSeconds(),
                millis(latency, 50),
                millis(latency, 99),
                latency.getTotalCount() == 0 ? Double.NaN : latency.getMean() / 1_000.0,
                offered == 0 ? 0 : (double) refused / offered,
                peak,
                drainSeconds,
                apiRequestsPer,
                binding);
    }

    static double millis(Histogram micros, double percentile) {
        return micros.getTotalCount() == 0 ? Double.NaN : micros.getValueAtPercentile(percentile) / 1_000.0;
    }
}
