package fiblab.bench.result;

import fiblab.bench.load.LoadRun;
import fiblab.bench.load.RunRecorder;
import fiblab.bench.stats.BilledMillis;
import fiblab.bench.stats.CoordinatedOmission;
import fiblab.bench.stats.LatencySummary;
import fiblab.bench.stats.PercentileCurve;
import fiblab.bench.stats.Throughput;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** Turns one load run into the {@link Run} that results.json holds for it. */
public final class RunResult {

    /** An open loop that completed less than this share of its offered rate was saturated. */
    public static final double SATURATED_BELOW = 0.95;

    private RunResult() {}

    /**
     * @param hdrLog the run's HdrHistogram log, relative to the results file
     */
    public static Run of(RunSpec spec, LoadRun run, String hdrLog, long pollIntervalMillis) {
        RunRecorder recorder = run.recorder();
        LoadMode mode = LoadMode.of(run.mode());
        boolean open = mode == LoadMode.OPEN;
        boolean async = "async".equals(spec.path());
        double throughput = Throughput.perSecond(recorder.okCount(), run.durationNanos());
        Double share = null;
        Boolean saturated = null;
        if (open && run.ratePerSecond() > 0) {
            // An open loop that could not keep its schedule measured a saturated server, not the offered load.
            share = Math.round(throughput / run.ratePerSecond() * 1_000) / 1_000.0;
            saturated = share < SATURATED_BELOW;
        }
        LatencySummary corrected = null;
        Double correctionInterval = null;
        if (!open) {
            long interval =
                    CoordinatedOmission.expectedIntervalMicros(run.workers(), run.durationNanos(), recorder.okCount());
            if (interval > 0) {
                corrected = LatencySummary.of(CoordinatedOmission.corrected(recorder.latency(), interval));
                correctionInterval = interval / 1e3;
            }
        }
        long sent = Math.max(1, recorder.sentCount());
        // The generator's share of the whole machine while the run lasted: what it took from the server.
        double machineNanos =
                (double) run.durationNanos() * Runtime.getRuntime().availableProcessors();
        return new Run(
                spec.id(run.mode(), run.workers(), run.ratePerSecond()),
                spec.scenario(),
                spec.path(),
                spec.algorithm(),
                spec.n(),
                mode,
                open ? run.ratePerSecond() : null,
                open ? run.workers() : null,
                open ? null : run.workers(),
                run.planned(),
                recorder.sentCount(),
                recorder.okCount(),
                recorder.errorCount(),
                Map.copyOf(recorder.errors()),
                run.stoppedByBudget(),
                Math.round(run.durationNanos() / 1e6) / 1e3,
                throughput,
                share,
                saturated,
                LatencySummary.of(recorder.latency()),
                PercentileCurve.of(recorder.latency()),
                open ? LatencySummary.of(recorder.serviceTime()) : null,
                open ? PercentileCurve.of(recorder.serviceTime()) : null,
                corrected,
                correctionInterval,
                ifRecorded(recorder.compute()),
                async ? ifRecorded(recorder.accepted()) : null,
                async ? PercentileCurve.of(recorder.accepted()) : null,
                async ? ifRecorded(recorder.queueWait()) : null,
                async ? ifRecorded(recorder.write()) : null,
                async ? ifRecorded(recorder.serverTotal()) : null,
                async ? recorder.pollCount() : null,
                async ? pollIntervalMillis : null,
                billed(recorder),
                Math.round(run.clientCpuNanos() / 1e3 / sent * 10) / 10.0,
                machineNanos <= 0 ? 0 : Math.round(run.clientCpuNanos() / machineNanos * 1_000) / 10.0,
                hdrLog,
                null,
                null,
                null,
                null,
                null);
    }

    /** Per-operation stage durations as Lambda would bill them (each rounded up to 1 ms): the cost model's input. */
    private static BilledStages billed(RunRecorder recorder) {
        Double compute = billedIfRecorded(recorder.compute());
        Double accepted = billedIfRecorded(recorder.accepted());
        Double write = billedIfRecorded(recorder.write());
        return compute == null && accepted == null && write == null ? null : new BilledStages(compute, accepted, write);
    }

    private static Double billedIfRecorded(Histogram histogram) {
        return histogram.getTotalCount() > 0 ? BilledMillis.mean(histogram) : null;
    }

    private static LatencySummary ifRecorded(Histogram histogram) {
        return histogram.getTotalCount() > 0 ? LatencySummary.of(histogram) : null;
    }
}
