package fiblab.bench.overload;

import java.util.List;
import java.util.Map;

/**
 * One step of the overload scenario: one path at one multiple of its measured capacity.
 *
 * @param path              {@code inline} or {@code async}
 * @param multiple          offered load over the path's measured capacity
 * @param offeredPerSecond  the open loop's rate
 * @param durationSeconds   how long the load was offered
 * @param sent              requests or jobs sent
 * @param goodput           right answers the client saw within its patience
 * @param goodputPerSecond  goodput per second from the first right answer seen to the last (at least the offered
 *                          duration): what the path delivered, never above its capacity for long; a path that keeps
 *                          up delivers the offered rate whatever its latency
 * @param errors            failures by kind
 * @param p50Millis         of the right answers, from intended send
 * @param p99Millis         of the right answers, from intended send
 * @param peakBacklog       async: most jobs accepted and not yet done at once; inline: 0
 * @param drainSeconds      async: from the end of the offered load to the last result stored; inline: 0
 * @param unstoredJobs      async: jobs accepted whose result was still not stored when the runner stopped reading
 *                          ({@link OverloadRunner#STORED_LIMIT} after the step): above 0, the drain is a lower
 *                          bound; inline: 0
 * @param apiRequestsPerJob async: submit plus polls per job; inline: 1
 * @param timeline          p99 per second of intended send
 * @param backlogBySecond   async: the most jobs accepted and not yet stored within each second of the step,
 *                          through the drain; inline: empty
 */
public record OverloadStep(
        String path,
        double multiple,
        double offeredPerSecond,
        double durationSeconds,
        long sent,
        long goodput,
        double goodputPerSecond,
        Map<ErrorKind, Long> errors,
        double p50Millis,
        double p99Millis,
        long peakBacklog,
        double drainSeconds,
        long unstoredJobs,
        double apiRequestsPerJob,
        List<SecondPoint> timeline,
        List<Long> backlogBySecond) {

    /** Async: some accepted jobs were still not stored when the runner stopped reading, so the drain was longer. */
    public boolean drainCutShort() {
        return unstoredJobs > 0;
    }

    public long errorCount(ErrorKind kind) {
        return errors.getOrDefault(kind, 0L);
    }

    /** Refusals and timeouts: what a user of an overloaded inline path notices. */
    public long refusedOrTimedOut() {
        return errorCount(ErrorKind.THROTTLED_429)
                + errorCount(ErrorKind.SERVER_ERROR_500)
                + errorCount(ErrorKind.UNAVAILABLE_503)
                + errorCount(ErrorKind.TIMEOUT);
    }
}
