package fiblab.bench.cost;

import fiblab.bench.result.BilledStages;
import fiblab.bench.result.Cost;
import fiblab.bench.result.Run;
import fiblab.bench.result.ScenarioResult;
import fiblab.bench.stats.LatencySummary;
import fiblab.fib.FastDoubling;
import fiblab.local.template.FunctionDefinition;
import fiblab.local.template.SamTemplate;
import java.util.List;
import java.util.Locale;

/**
 * The {@code cost} object of results.json: the seed run's measured durations and counts and the
 * template's memory and batch size, priced with the dated price file, per path and line item,
 * with every assumption written out beside the numbers.
 */
public final class CostReport {

    /**
     * Estimated sizes by DynamoDB's rules (attribute names plus values): a job item holds jobId,
     * n, algorithm, status, submittedAt, expiresAt, attempts, startedAt and leaseUntil (≈ 150 B);
     * the result adds value, completedAt and computeMicros (≈ 40 B plus the value's digits).
     */
    static final long JOB_ITEM_BYTES = 150;

    static final long RESULT_EXTRA_BYTES = 40;
    /** {"jobId":"<uuid>","n":…,"algorithm":"naive","submittedAt":…} */
    static final long MESSAGE_BYTES = 100;
    /** {"n":…,"algorithm":"naive","value":"…","computeMicros":…} without the digits */
    static final long INLINE_RESPONSE_BYTES = 70;

    private CostReport() {}

    /**
     * @param seedScenario the seed scenario of results.json (its inline and async runs)
     * @throws IllegalArgumentException when the seed lacks what the estimate needs
     */
    public static Cost of(ScenarioResult seedScenario, SamTemplate template, PriceList prices) {
        List<Run> runs = seedScenario.runs() == null ? List.of() : seedScenario.runs();
        Run inline = run(runs, "inline");
        Run async = run(runs, "async");
        FunctionDefinition api = TemplateFunctions.api(template);
        FunctionDefinition worker = TemplateFunctions.worker(template);
        int batchSize = worker.sqsEvents().get(0).batchSize();
        int n = inline.n();
        long digits = FastDoubling.fib(n).toString().length();
        double computeMean = summary(async, async.compute(), "compute").mean();
        double writeMean = summary(async, async.write(), "write").mean();
        double writeBilled = stage(billed(async).write(), "write");
        CostInputs inputs = new CostInputs(
                api.memorySizeMb(),
                worker.memorySizeMb(),
                batchSize,
                stage(billed(inline).compute(), "compute"),
                INLINE_RESPONSE_BYTES + digits,
                stage(billed(async).accepted(), "accepted"),
                (async.polls() == null ? 0 : async.polls()) / (double) Math.max(1, async.sent()),
                Math.max(1, writeBilled),
                computeMean + 2 * writeMean,
                JOB_ITEM_BYTES,
                JOB_ITEM_BYTES + RESULT_EXTRA_BYTES + digits,
                MESSAGE_BYTES);
        List<PathCost> paths = CostModel.estimate(inputs, prices);

        return new Cost(
                prices.record(),
                basis(inputs, n, api, worker, template),
                assumptions(inputs),
                paths.stream().map(PathCost::record).toList());
    }

    private static Cost.Basis basis(
            CostInputs in, int n, FunctionDefinition api, FunctionDefinition worker, SamTemplate template) {
        return new Cost.Basis(
                "seed",
                n,
                String.valueOf(template.path().getFileName()),
                api.logicalId(),
                in.apiMemoryMb(),
                worker.logicalId(),
                in.workerMemoryMb(),
                in.batchSize(),
                in.inlineBilledMillis(),
                in.submitBilledMillis(),
                LineItem.round(in.pollsPerJob(), 3),
                in.pollBilledMillis(),
                LineItem.round(in.workerMillisPerJob(), 3),
                in.jobItemBytes(),
                in.resultItemBytes(),
                in.messageBytes());
    }

    private static List<String> assumptions(CostInputs in) {
        return List.of(
                "Memory sizes and the worker's batch size are read from the template (MemorySize, the SQS event's BatchSize).",
                String.format(
                        Locale.ROOT,
                        "Inline duration: the server-side compute time each response reported (computeMicros), each rounded "
                                + "up to 1 ms as Lambda bills, mean %.2f ms. The handler's own overhead around it is not measured and not counted.",
                        in.inlineBilledMillis()),
                String.format(
                        Locale.ROOT,
                        "Submit duration: the client-measured time from POST /jobs to its 202 (%.2f ms billed mean), an "
                                + "upper bound for the handler's time: it also holds the network and the gateway.",
                        in.submitBilledMillis()),
                String.format(
                        Locale.ROOT,
                        "Status-poll duration: not measured per request; taken as one DynamoDB call, the worker's measured "
                                + "result write (%.2f ms billed mean, at least 1 ms).",
                        in.pollBilledMillis()),
                String.format(
                        Locale.ROOT,
                        "Polls per job: %.2f, as measured with the benchmark's poll interval; a client that honours "
                                + "Retry-After (1 s) polls less often for short jobs and more often for long ones.",
                        in.pollsPerJob()),
                String.format(
                        Locale.ROOT,
                        "Worker: batches assumed full (%d jobs per invocation, one ReceiveMessage and one DeleteMessageBatch "
                                + "each); at one job per batch those three lines cost %d× as much. Worker time per job: compute plus two DynamoDB "
                                + "writes (claim, result), each write as long as the measured result write; %.2f ms mean, a batch rounded up to "
                                + "1 ms once. Lambda's empty polling receives on an idle queue are not counted.",
                        in.batchSize(),
                        in.batchSize(),
                        in.workerMillisPerJob()),
                String.format(
                        Locale.ROOT,
                        "Item sizes are estimates by DynamoDB's rules: %d B before the result, %d B with it (1 WRU per "
                                + "started KB written, 1 RRU per started 4 KB read); messages %d B (one SQS request per started 64 KB).",
                        in.jobItemBytes(),
                        in.resultItemBytes(),
                        in.messageBytes()),
                "Free tiers, data transfer, CloudWatch Logs and SnapStart's cache and restore charges are not included.");
    }

    private static Run run(List<Run> runs, String path) {
        return runs.stream()
                .filter(r -> path.equals(r.path()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the seed run has no " + path + " run to price"));
    }

    private static BilledStages billed(Run run) {
        if (run.billedMillisMean() == null) {
            throw new IllegalArgumentException(
                    "seed run " + run.id() + " holds no billed durations (billedMillisMean)");
        }
        return run.billedMillisMean();
    }

    private static LatencySummary summary(Run run, LatencySummary summary, String key) {
        if (summary == null) {
            throw new IllegalArgumentException("seed run " + run.id() + " holds no " + key + " times");
        }
        return summary;
    }

    private static double stage(Double millis, String key) {
        if (millis == null) {
            throw new IllegalArgumentException("the seed run holds no " + key);
        }
        return millis;
    }
}
