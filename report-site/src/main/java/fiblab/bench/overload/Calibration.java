package fiblab.bench.overload;

import fiblab.bench.model.AsyncModel;
import fiblab.bench.model.InlineModel;
import fiblab.bench.model.ServiceTime;
import java.util.List;

/**
 * What the queueing model is told about the local stack, every number measured apart from the
 * overload steps it is then asked to predict: the capacity probes (a closed loop of inline
 * requests, a burst of jobs), and requests sent one at a time (compute time, a lone request's,
 * submit's and poll's latency). Nothing here is fitted to a step.
 *
 * <p>Inline: every request needs the same CPU, {@code cores / inlineCapacity}, on cores shared equally by all running requests. Naive fib(n) runs the same
 * instructions every time; what varies in a lone request's measured compute time is the machine's
 * other load preempting it, not work, and under processor sharing a tail of work would turn
 * straight into a tail of latency. Latency a lone request has beyond that CPU (gateway, client) is a
 * fixed overhead, and what some lone requests waited beyond the median (the machine's other load, a
 * collection pause) is drawn for each answer on top of it, taking no CPU. Async: {@code workerBatches} batches at once, each computing its jobs one after
 * the other; per job the compute plus a fixed hand-over (claim and result writes, the local servers'
 * round trips) chosen so that the batches together drain {@code asyncCapacity} jobs/s, the rate
 * the burst probe measured.
 *
 * @param cores               CPUs the local stack shares
 * @param apiConcurrency      ApiFunction's concurrency on the stack
 * @param workerBatches       batches the local poller runs at once
 * @param batchSize           the template's BatchSize
 * @param inlineCapacity      answers/s the inline probe measured
 * @param asyncCapacity       jobs/s the burst probe's steady drain measured
 * @param computeSeconds      median compute time of fib(n) alone (the function's computeMicros)
 * @param aloneSeconds        median latency of a lone inline request
 * @param submitSeconds       median latency of a lone POST /jobs
 * @param pollSeconds         median latency of a lone GET /jobs/{id}
 * @param patienceSeconds     the inline client's patience
 * @param jobPatienceSeconds  the async client's patience
 * @param pollIntervalSeconds what the async client waits after each answer
 * @param maxInFlight         the inline open loop's threads
 * @param aloneExtraSeconds   each lone inline request's latency beyond the median (0 for the faster half)
 * @param submitCpuSeconds    CPU of the whole machine's stack per POST /jobs, from process CPU time
 * @param workerCpuSeconds    CPU of the stack per job the worker drains; 0 = not measured, no sharing
 * @param pollCpuSeconds      CPU of the stack per status poll sent one at a time, from process CPU time
 * @param pollThreads         the async client's poll threads: how many polls it has in flight at most
 * @param probeClients        the inline capacity probe's clients
 * @param crowdedShare        inline capacity with {@code maxInFlight} clients over that with {@code probeClients},
 *                            measured back to back (at most 1; 1 = not measured); printed beside the model, not
 *                            given to it: a closed loop of many clients does not load the stack as the open loop
 *                            does (see {@link ModelValidation#crowding})
 * @param requestsPerPause    inline answers per stop-the-world collection of the stack's JVM during those
 *                            probes (0 = none seen)
 * @param pauseSeconds        the mean length of those collections
 */
public record Calibration(
        int cores,
        int apiConcurrency,
        int workerBatches,
        int batchSize,
        double inlineCapacity,
        double asyncCapacity,
        double computeSeconds,
        double aloneSeconds,
        double submitSeconds,
        double pollSeconds,
        double patienceSeconds,
        double jobPatienceSeconds,
        double pollIntervalSeconds,
        int maxInFlight,
        List<Double> aloneExtraSeconds,
        double submitCpuSeconds,
        double workerCpuSeconds,
        double pollCpuSeconds,
        int pollThreads,
        int probeClients,
        double crowdedShare,
        double requestsPerPause,
        double pauseSeconds) {

    public Calibration {
        aloneExtraSeconds = List.copyOf(aloneExtraSeconds);
        if (!(requestsPerPause >= 0) || !(pauseSeconds >= 0)) {
            throw new IllegalArgumentException("requests per pause and pause length must be at least 0, got "
                    + requestsPerPause + ", " + pauseSeconds);
        }
        if (!(crowdedShare > 0) || crowdedShare > 1) {
            throw new IllegalArgumentException("crowded share must be in (0, 1], got " + crowdedShare);
        }
        if (!(inlineCapacity > 0) || !(asyncCapacity > 0) || !(computeSeconds > 0)) {
            throw new IllegalArgumentException("calibration needs measured capacities and a compute time; got inline "
                    + inlineCapacity + "/s, async " + asyncCapacity + "/s, compute " + computeSeconds + " s");
        }
    }

    /** The same calibration with capacities probed at another time (just before a step). */
    public Calibration withCapacities(double inline, double async) {
        return new Calibration(
                cores,
                apiConcurrency,
                workerBatches,
                batchSize,
                inline,
                async,
                computeSeconds,
                aloneSeconds,
                submitSeconds,
                pollSeconds,
                patienceSeconds,
                jobPatienceSeconds,
                pollIntervalSeconds,
                maxInFlight,
                aloneExtraSeconds,
                submitCpuSeconds,
                workerCpuSeconds,
                pollCpuSeconds,
                pollThreads,
                probeClients,
                crowdedShare,
                requestsPerPause,
                pauseSeconds);
    }

    /**
     * Cores one batch is taken to want at full speed: its share of the cores, as if the probed drain were
     * CPU-bound. It is not, by the worker's own CPU: on the quiet run a drained job took 5.2 ms of the
     * stack's CPU where 2 cores ÷ 73 jobs/s would be 27 ms. But a batch's round trips go to the same local
     * servers (dynalite is one Node thread) that the submits and polls keep busy, so its whole pace slows
     * with the machine's load, not only its CPU. Taken as its CPU alone (0.19 cores a batch), the model
     * predicted 77–90 jobs/s delivered at 2× (two seeds) where the stack delivered 24; taken as its share, 31.
     */
    public double batchCores() {
        return cores / (double) workerBatches;
    }

    /**
     * CPU one inline request takes at the measured capacity. Not floored at the compute measured alone:
     * that is wall time, and on the quiet run a lone fib(30) took 3.45 ms while the probe answered
     * 707/s on 2 cores (2.83 ms each), so the floor gave the model 20 % less capacity than the stack.
     * With pauses, the probe's time included them: {@code requestsPerPause} requests took their CPU on
     * the cores plus one pause, so each takes {@code cores × (1/capacity − pause/requestsPerPause)}.
     */
    public double inlineWorkSeconds() {
        double plain = cores / inlineCapacity;
        if (pauses() == null) {
            return plain;
        }
        return Math.max(plain / 2, cores * (1 / inlineCapacity - pauseSeconds / requestsPerPause));
    }

    /** The stack JVM's pauses as the inline model takes them; null when none were seen. */
    public InlineModel.Pauses pauses() {
        return requestsPerPause >= 1 && pauseSeconds > 0
                ? new InlineModel.Pauses(requestsPerPause, pauseSeconds)
                : null;
    }

    /** What a lone inline request waits beyond its CPU. */
    public double inlineOverheadSeconds() {
        return Math.max(0, aloneSeconds - inlineWorkSeconds());
    }

    /** Per job outside compute, so that the batches drain {@code asyncCapacity} jobs/s. */
    public double asyncPerJobSeconds() {
        return Math.max(0, workerBatches / asyncCapacity - computeSeconds);
    }

    public ServiceTime inlineWork() {
        return ServiceTime.constant(inlineWorkSeconds());
    }

    /** The tail of a lone request's latency, drawn for each answer; nothing when none was measured. */
    public ServiceTime inlineExtraLatency() {
        return aloneExtraSeconds.isEmpty() ? ServiceTime.constant(0) : ServiceTime.empirical(aloneExtraSeconds);
    }

    /** Each latency beyond the median of them, 0 for those below it. */
    public static List<Double> beyondMedian(List<Double> latencies) {
        double median = median(latencies);
        return latencies.stream().map(l -> Math.max(0, l - median)).toList();
    }

    public static double median(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a median needs at least one value");
        }
        double[] sorted =
                values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    public ServiceTime workerCompute() {
        return ServiceTime.constant(computeSeconds);
    }

    public InlineModel inlineModel() {
        // the handler gives up 1 s before the function's 29 s timeout; the gateway's integration timeout is 30 s
        double computeDeadline = 28;
        double integrationTimeout = 30;
        double unthrottled = Double.POSITIVE_INFINITY;
        int warmAndMost = apiConcurrency;
        return new InlineModel(
                new InlineModel.Config(
                        unthrottled,
                        unthrottled,
                        warmAndMost,
                        unthrottled,
                        unthrottled,
                        warmAndMost,
                        cores,
                        inlineOverheadSeconds(),
                        0,
                        computeDeadline,
                        integrationTimeout,
                        patienceSeconds,
                        maxInFlight),
                pauses());
    }

    /**
     * The local poller runs no more batches than there are cores; each drains at the probed rate,
     * slowed when the submits in flight, the polls and the batches want more CPU than the cores have
     * ({@link AsyncModel.CpuSharing}, from the CPU measured per submit and per poll, a batch wanting
     * {@link #batchCores()}, the client's {@link OverloadRunner#SUBMIT_THREADS} submit threads and its
     * poll threads). The CPU measured per drained job is reported, not used, beyond saying
     * that the split was made: without it, the API takes nothing from the batches.
     */
    public AsyncModel asyncModel() {
        double inf = Double.POSITIVE_INFINITY;
        return new AsyncModel(
                new AsyncModel.Config(
                        inf,
                        inf,
                        submitSeconds,
                        workerBatches,
                        0,
                        workerBatches,
                        batchSize,
                        0,
                        asyncPerJobSeconds(),
                        inf,
                        pollIntervalSeconds,
                        pollSeconds,
                        jobPatienceSeconds),
                workerCpuSeconds > 0
                        ? new AsyncModel.CpuSharing(
                                cores,
                                submitCpuSeconds,
                                pollCpuSeconds,
                                batchCores(),
                                pollThreads,
                                OverloadRunner.SUBMIT_THREADS)
                        : null);
    }
}
