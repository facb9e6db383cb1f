package fiblab.bench.result;

import java.util.List;
import java.util.Map;

/**
 * The overload scenario's findings beside its (empty) runs: each path's measured capacity and its
 * open-loop steps at multiples of it, the queueing model's prediction of the same steps (its
 * validation), and the AWS-scale projection that the validated model gives. The polling
 * comparison is its own scenario ({@link Polling}). Latencies that were not measured (no right
 * answer in a step or a second) are null, never 0.
 */
public final class OverloadFindings {

    /** A step is saturated when it delivered less than this share of its offered rate (as the open loop's flag). */
    public static final double SATURATED_BELOW = 0.95;

    /** The model's validation goal: predicted within this share of measured. */
    public static final double VALIDATION_TOLERANCE = 0.25;

    private OverloadFindings() {}

    /**
     * How the overload steps ran, then what they found.
     *
     * @param n                  naive fib(n) of every request and job
     * @param stepSeconds        how long each step offered load
     * @param patienceSeconds    the inline client's patience
     * @param jobPatienceSeconds the async client's patience, from the intended submit
     * @param pollingPolicy      how the async client polled
     * @param inlineCapacity     answers/s the inline path gave in its capacity probe (closed loop)
     * @param asyncCapacity      jobs/s the async path drained in its capacity probe (a burst)
     * @param steps              inline steps then async steps, by multiple
     * @param validation         the model's prediction of the same steps
     * @param projection         the validated model at AWS scale; never without {@code validation}
     */
    public record Overload(
            int n,
            double stepSeconds,
            double patienceSeconds,
            double jobPatienceSeconds,
            String pollingPolicy,
            double inlineCapacity,
            double asyncCapacity,
            List<Step> steps,
            Validation validation,
            Projection projection) {

        public Overload {
            if (projection != null && validation == null) {
                throw new IllegalArgumentException(
                        "a projection is recorded only beside the model's validation against measurement");
            }
        }
    }

    /**
     * One path at one multiple of its measured capacity.
     *
     * @param capacityPerSecond      the path's capacity its multiple is of: the probe taken just before the step
     *                               (offered rate over multiple); null in files written before it was recorded
     * @param goodput                right answers within the client's patience
     * @param goodputPerSecond       goodput per second from the first right answer seen to the last (at least the step's duration)
     *                               (files before 2026-12-02: per second of the offered duration)
     * @param finishedSeconds        from the step's start to its last answer: async, the offered time plus the
     *                               drain; inline, the later of the offered time and the last second's p99 answer
     * @param achievedShareOfOffered goodput per second of {@code finishedSeconds} over the offered rate
     * @param saturated              the share is below {@link #SATURATED_BELOW}: the path did not keep up, and
     *                               its latencies are those of a queue that kept growing
     * @param peakBacklog            async: most jobs accepted and not yet done at once; inline: null
     * @param drainSeconds           async: from the end of the offered load to the last result; inline: null
     * @param unstoredJobs           async: accepted jobs whose result was still not stored when the runner stopped
     *                               reading (180 s after the step): above 0, {@code drainSeconds} is a lower bound;
     *                               inline, and files written before it was recorded: null
     * @param apiRequestsPerJob      async: submit plus polls per job; inline: 1
     * @param timeline               p99 per second of intended send
     * @param backlogBySecond        async: the most jobs accepted and not yet stored within each second of the step,
     *                               through the drain; inline, and files written before it was recorded: null
     */
    public record Step(
            String path,
            double multiple,
            double offeredPerSecond,
            Double capacityPerSecond,
            double durationSeconds,
            boolean saturated,
            double achievedShareOfOffered,
            double finishedSeconds,
            long sent,
            long goodput,
            double goodputPerSecond,
            Errors errors,
            Double p50Millis,
            Double p99Millis,
            Long peakBacklog,
            Double drainSeconds,
            Long unstoredJobs,
            double apiRequestsPerJob,
            List<Second> timeline,
            List<Long> backlogBySecond) {}

    /** Failures by the kinds an overload produces. */
    public record Errors(
            long throttled429, long serverError500, long unavailable503, long timeout, long wrongOrFailed, long other) {

        public long total() {
            return throttled429 + serverError500 + unavailable503 + timeout + wrongOrFailed + other;
        }
    }

    /**
     * The requests or jobs whose intended send fell in one second of a step.
     *
     * @param p99Millis null when none of them was answered
     */
    public record Second(int second, long answered, Double p99Millis) {}

    /**
     * The queueing model with the local stack's limits and this run's calibration, predicting each
     * measured step. Errors are (predicted − measured) / measured; null where measured was 0.
     *
     * @param cores                     CPUs the local stack shared
     * @param apiConcurrency            ApiFunction's concurrency on the stack
     * @param workerBatches             batches the local poller ran at once
     * @param batchSize                 the template's BatchSize
     * @param meanComputeMillis         fib(n) alone, from one client's requests
     * @param inlineWorkMillis          CPU per inline request the model used (cores / measured capacity)
     * @param overheadMillis            a lone request's time beyond that
     * @param asyncPerJobOverheadMillis set so that the model's drain rate equals the probed async capacity
     * @param worstError                the largest error of any row, in absolute value; null if one is undefined
     * @param repeatability             for each path, how far apart its neighbouring capacity probes came in the run
     *                                  (median, as a share of their mean); null in files written before it was
     * @param figures                   figures the validation judges: p50, p99 and goodput of each row
     * @param figuresWithin             of those, the figures within the tolerance
     * @param figuresWithinRepeatability figures within the tolerance of the model at some capacity within the
     *                                  path's repeatability of the probed one
     */
    public record Validation(
            double tolerance,
            int cores,
            int apiConcurrency,
            int workerBatches,
            int batchSize,
            double meanComputeMillis,
            double inlineWorkMillis,
            double overheadMillis,
            double asyncPerJobOverheadMillis,
            Double worstError,
            List<ValidationRow> rows,
            Map<String, Double> repeatability,
            Long figures,
            Long figuresWithin,
            Long figuresWithinRepeatability) {}

    /**
     * The model beside one measured step; {@code withinTolerance} when each of its errors (p50, p99,
     * goodput) is within the tolerance. For an async step also the model's peak backlog and drain and
     * their errors against the step's measured ones (null for inline, for an error whose measured value
     * is 0, and in files written before they were recorded).
     */
    public record ValidationRow(
            String path,
            double multiple,
            double offeredPerSecond,
            boolean withinTolerance,
            double measuredP50Millis,
            double predictedP50Millis,
            Double p50Error,
            double measuredP99Millis,
            double predictedP99Millis,
            Double p99Error,
            double measuredGoodputPerSecond,
            double predictedGoodputPerSecond,
            Double goodputError,
            Long predictedPeakBacklog,
            Double backlogError,
            Double predictedDrainSeconds,
            Double drainError) {}

    /**
     * The AWS-scale projection: a model, not a measurement.
     *
     * @param label           always {@code model}, for the page to show
     * @param region          the Region the quota file describes
     * @param quotaNote       the quota file's own caveat
     * @param quotas          every quota and latency the model read, each with its source and date
     * @param compute         the compute times fed to the model, per n
     * @param gatewayMillis   API Gateway and network time per request (an input, not an AWS figure)
     * @param coldStartMillis a new execution environment's penalty (an input)
     * @param simulatedSeconds load simulated per point (fewer at rates that would pass the simulation's bound)
     * @param rows            per n and offered rate, inline then async
     */
    public record Projection(
            String label,
            String region,
            String quotaNote,
            List<Quota> quotas,
            List<Compute> compute,
            double gatewayMillis,
            double coldStartMillis,
            double simulatedSeconds,
            List<ProjectionRow> rows) {}

    /** One entry of the dated quota file. */
    public record Quota(
            String key,
            double value,
            String unit,
            String description,
            boolean documented,
            String source,
            String retrieved,
            String note) {}

    /** Compute time of fib(n) fed to the projection, measured on this machine (one core stands in for a vCPU). */
    public record Compute(int n, int samples, double meanMillis, double p99Millis) {}

    /**
     * One path at one offered load for one n, as the model projects it.
     *
     * @param p50Millis         null when the model answered nothing
     * @param binding           the limit that binds first ({@code NONE} when nothing does)
     * @param bindingDescription that limit in words
     */
    public record ProjectionRow(
            int n,
            String path,
            double offeredPerSecond,
            Double p50Millis,
            Double p99Millis,
            double throttledShare,
            double goodputPerSecond,
            long peakBacklog,
            double drainSeconds,
            double costPerHourUsd,
            String binding,
            String bindingDescription) {}

    /**
     * The polling comparison: the same jobs polled by clients with different policies, one policy after
     * another (so load drift between policies biases their times; requests per job are robust to it).
     *
     * @param ratePerSecond jobs submitted per second, open loop
     * @param jobs          jobs per policy and n
     * @param patienceSeconds how long a client polls before it gives up
     * @param rows          per n, per policy
     */
    public record Polling(double ratePerSecond, int jobs, double patienceSeconds, List<PollingRow> rows) {}

    /**
     * @param policy                    {@code retry-after}, {@code fixed-10ms}, …
     * @param honoursRetryAfter         whether the client waits what the API's Retry-After says
     * @param p50Millis                 submit to the poll that saw DONE; null when no job was done
     * @param requestsPerJob            submit plus polls, per job
     * @param pollCostPerMillionJobsUsd the polls' HTTP API, Lambda request and GetItem charges per million jobs
     */
    public record PollingRow(
            int n,
            String policy,
            boolean honoursRetryAfter,
            long jobs,
            long done,
            Double p50Millis,
            Double p99Millis,
            double requestsPerJob,
            double pollCostPerMillionJobsUsd) {}
}
