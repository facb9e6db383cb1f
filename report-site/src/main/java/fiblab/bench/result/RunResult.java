package fiblab.bench.result;

import fiblab.bench.load.LoadRun;
import fiblab.bench.load.RunRecorder;
import fiblab.bench.stats.BilledMillis;
import fiblab.bench.stats.CoordinatedOmission;
import fiblab.bench.stats.LatencySummary;
import fiblab.bench.stats.PercentileCurve;
import fiblab.bench.stats.Throughput;
import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** Turns one load run into the JSON object that results.json holds for it. */
public final class RunResult {

    /** An open loop that completed less than this share of its offered rate was saturated. */
    public static final double SATURATED_BELOW = 0.95;

    private RunResult() {}

    /**
     * @param hdrLog the run's HdrHistogram log, relative to the results file
     */
    public static Map<String, Object> toMap(RunSpec spec, LoadRun run, String hdrLog, long pollIntervalMillis) {
        RunRecorder recorder = run.recorder();
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", spec.id(run.mode(), run.workers(), run.ratePerSecond()));
        map.put("scenario", spec.scenario());
        map.put("path", spec.path());
        map.put("algorithm", spec.algorithm());
        map.put("n", spec.n());
        map.put("mode", run.mode());
        if ("open".equals(run.mode())) {
            map.put("ratePerSecond", run.ratePerSecond());
            map.put("maxInFlight", run.workers());
        } else {
            map.put("concurrency", run.workers());
        }
        map.put("planned", run.planned());
        map.put("sent", recorder.sentCount());
        map.put("ok", recorder.okCount());
        map.put("errorCount", recorder.errorCount());
        map.put("errors", recorder.errors());
        map.put("stoppedByBudget", run.stoppedByBudget());
        map.put("durationSeconds", Math.round(run.durationNanos() / 1e6) / 1e3);
        double throughput = Throughput.perSecond(recorder.okCount(), run.durationNanos());
        map.put("throughputPerSecond", throughput);
        if ("open".equals(run.mode()) && run.ratePerSecond() > 0) {
            // An open loop that could not keep its schedule measured a saturated server, not the offered load.
            double share = Math.round(throughput / run.ratePerSecond() * 1_000) / 1_000.0;
            map.put("achievedShareOfOffered", share);
            map.put("saturated", share < SATURATED_BELOW);
        }
        map.put("latency", LatencySummary.of(recorder.latency()).toMap());
        map.put("latencyCurve", PercentileCurve.of(recorder.latency()));
        if ("open".equals(run.mode())) {
            map.put("serviceTime", LatencySummary.of(recorder.serviceTime()).toMap());
            map.put("serviceTimeCurve", PercentileCurve.of(recorder.serviceTime()));
        } else {
            long interval =
                    CoordinatedOmission.expectedIntervalMicros(run.workers(), run.durationNanos(), recorder.okCount());
            if (interval > 0) {
                Histogram corrected = CoordinatedOmission.corrected(recorder.latency(), interval);
                map.put("latencyCorrected", LatencySummary.of(corrected).toMap());
                map.put("correctionIntervalMillis", interval / 1e3);
            }
        }
        putIfRecorded(map, "compute", recorder.compute());
        if ("async".equals(spec.path())) {
            putIfRecorded(map, "accepted", recorder.accepted());
            map.put("acceptedCurve", PercentileCurve.of(recorder.accepted()));
            putIfRecorded(map, "queueWait", recorder.queueWait());
            putIfRecorded(map, "write", recorder.write());
            putIfRecorded(map, "serverTotal", recorder.serverTotal());
            map.put("polls", recorder.pollCount());
            map.put("pollIntervalMillis", pollIntervalMillis);
        }
        putBilled(map, recorder);
        long sent = Math.max(1, recorder.sentCount());
        map.put("clientCpuMicrosPerRequest", Math.round(run.clientCpuNanos() / 1e3 / sent * 10) / 10.0);
        // The generator's share of the whole machine while the run lasted: what it took from the server.
        double machineNanos =
                (double) run.durationNanos() * Runtime.getRuntime().availableProcessors();
        map.put(
                "clientCpuPercentOfMachine",
                machineNanos <= 0 ? 0 : Math.round(run.clientCpuNanos() / machineNanos * 1_000) / 10.0);
        map.put("hdrLog", hdrLog);
        return map;
    }

    /** Per-operation stage durations as Lambda would bill them (each rounded up to 1 ms): the cost model's input. */
    private static void putBilled(Map<String, Object> map, RunRecorder recorder) {
        Map<String, Object> billed = new LinkedHashMap<>();
        putBilledIfRecorded(billed, "compute", recorder.compute());
        putBilledIfRecorded(billed, "accepted", recorder.accepted());
        putBilledIfRecorded(billed, "write", recorder.write());
        if (!billed.isEmpty()) {
            map.put("billedMillisMean", billed);
        }
    }

    private static void putBilledIfRecorded(Map<String, Object> map, String key, Histogram histogram) {
        if (histogram.getTotalCount() > 0) {
            map.put(key, BilledMillis.mean(histogram));
        }
    }

    private static void putIfRecorded(Map<String, Object> map, String key, Histogram histogram) {
        if (histogram.getTotalCount() > 0) {
            map.put(key, LatencySummary.of(histogram).toMap());
        }
    }
}
