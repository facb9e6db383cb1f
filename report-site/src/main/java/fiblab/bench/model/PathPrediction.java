package fiblab.bench.model;

import java.util.Map;

/**
 * What the model predicts for one path at one offered load. Latencies are from each request's
 * intended send time to the answer the client saw (async: the poll that saw DONE), successes only.
 *
 * @param path              {@code inline} or {@code async}
 * @param offered           requests or jobs offered
 * @param outcomes          how they ended (async: refusals at submit, CLIENT_TIMEOUT for results seen too late)
 * @param goodputPerSecond  right answers within patience per second from the first of them seen to the last
 *                          (at least the load's duration, as the benchmark measures a step), Poisson arrivals
 *                          scaled to the rate
 * @param throttledShare    share refused by a throttle or a concurrency limit
 * @param peakBacklog       async: most messages waiting in the queue at once; inline: most requests in flight
 * @param drainSeconds      async: from the end of the offered load until the queue was empty; inline: 0
 * @param apiRequestsPer    HTTP API requests per request or job (async: submit plus polls)
 * @param binding           the limit that binds at this load
 */
public record PathPrediction(
        String path,
        double offeredPerSecond,
        long offered,
        Map<Outcome, Long> outcomes,
        double goodputPerSecond,
        double p50Millis,
        double p99Millis,
        double meanMillis,
        double throttledShare,
        long peakBacklog,
        double drainSeconds,
        double apiRequestsPer,
        Limit binding) {

    /** The same prediction with another limit named as binding. */
    PathPrediction bindingFirst(Limit limit) {
        return new PathPrediction(
                path,
                offeredPerSecond,
                offered,
                outcomes,
                goodputPerSecond,
                p50Millis,
                p99Millis,
                meanMillis,
                throttledShare,
                peakBacklog,
                drainSeconds,
                apiRequestsPer,
                limit);
    }

    public long count(Outcome outcome) {
        return outcomes.getOrDefault(outcome, 0L);
    }

    /** Requests or jobs the API let in: offered less those its throttle refused. */
    public long admitted() {
        return offered - count(Outcome.API_THROTTLED);
    }

    /** Async: status polls per job the API let in (each admitted job's client polls until it sees its result). */
    public double pollsPerAdmitted() {
        long admitted = admitted();
        return admitted == 0 ? 0 : Math.max(0, apiRequestsPer * offered - offered) / admitted;
    }
}
