package fiblab.bench.result;

import fiblab.bench.stats.LatencySummary;
import java.util.List;
import java.util.Map;

/**
 * One measured run of one path under one load shape, as results.json holds it. Fields that only
 * some runs have are null in the others and left out of the file: open loops have a rate,
 * in-flight bound, service time and saturation; closed loops have a client count and a
 * coordinated-omission correction; async runs have their stages and polls; a peer's run names its
 * server; a submit run of the throughput scenario says how long its jobs took to drain.
 *
 * @param latencyCurve points of [percentile (0–100), latency in ms]
 * @param errors       error kind to count
 */
public record Run(
        String id,
        String scenario,
        String path,
        String algorithm,
        int n,
        LoadMode mode,
        Double ratePerSecond,
        Integer maxInFlight,
        Integer concurrency,
        int planned,
        long sent,
        long ok,
        long errorCount,
        Map<String, Long> errors,
        boolean stoppedByBudget,
        double durationSeconds,
        double throughputPerSecond,
        Double achievedShareOfOffered,
        Boolean saturated,
        LatencySummary latency,
        List<List<Double>> latencyCurve,
        LatencySummary serviceTime,
        List<List<Double>> serviceTimeCurve,
        LatencySummary latencyCorrected,
        Double correctionIntervalMillis,
        LatencySummary compute,
        LatencySummary accepted,
        List<List<Double>> acceptedCurve,
        LatencySummary queueWait,
        LatencySummary write,
        LatencySummary serverTotal,
        Long polls,
        Long pollIntervalMillis,
        BilledStages billedMillisMean,
        double clientCpuMicrosPerRequest,
        double clientCpuPercentOfMachine,
        String hdrLog,
        Double jobsDrainedSeconds,
        String server,
        String versions,
        Integer warmupPerPath,
        String log) {

    /** This run as a peer's: the server, its versions, its warm-up and its log. */
    public Run asPeer(String server, String versions, int warmupPerPath, String log) {
        return withTail(jobsDrainedSeconds, server, versions, warmupPerPath, log);
    }

    /** This run without its log file: a kept run's copy leaves the logs out. */
    public Run withoutLog() {
        return withTail(jobsDrainedSeconds, server, versions, warmupPerPath, null);
    }

    /** This submit run with the time its jobs took to finish after the last submit (the throughput scenario). */
    public Run withJobsDrainedSeconds(double jobsDrainedSeconds) {
        return withTail(jobsDrainedSeconds, server, versions, warmupPerPath, log);
    }

    /** The one copy: every measured field as it is, the fields set after the measurement as given. */
    private Run withTail(Double jobsDrainedSeconds, String server, String versions, Integer warmupPerPath, String log) {
        return new Run(
                id,
                scenario,
                path,
                algorithm,
                n,
                mode,
                ratePerSecond,
                maxInFlight,
                concurrency,
                planned,
                sent,
                ok,
                errorCount,
                errors,
                stoppedByBudget,
                durationSeconds,
                throughputPerSecond,
                achievedShareOfOffered,
                saturated,
                latency,
                latencyCurve,
                serviceTime,
                serviceTimeCurve,
                latencyCorrected,
                correctionIntervalMillis,
                compute,
                accepted,
                acceptedCurve,
                queueWait,
                write,
                serverTotal,
                polls,
                pollIntervalMillis,
                billedMillisMean,
                clientCpuMicrosPerRequest,
                clientCpuPercentOfMachine,
                hdrLog,
                jobsDrainedSeconds,
                server,
                versions,
                warmupPerPath,
                log);
    }
}
