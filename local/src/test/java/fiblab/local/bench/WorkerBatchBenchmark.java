package fiblab.local.bench;

import fiblab.aws.DynamoDbJobStore;
import fiblab.fib.Algorithm;
import fiblab.job.Job;
import fiblab.job.JobMessage;
import fiblab.job.JobMessageCodec;
import fiblab.local.DeployLimits;
import fiblab.local.LocalStack;
import fiblab.local.LocalStackOptions;
import fiblab.local.runtime.Admission;
import fiblab.local.runtime.InvocationResult;
import fiblab.local.runtime.LambdaFunction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A bounded measurement of the worker alone (not a test; run by hand, loopback only): batches of
 * {@code bench.batch} recorded fib({@code bench.n}) jobs handed straight to the local stack's
 * WorkerFunction as SQS events, one batch at a time, with no HTTP, no polls and no queue, so that
 * one invocation's time is the worker's own: claims, computations, result writes to dynalite. Run
 * it with one build's classes first on the classpath, then another's, to compare them.
 */
public final class WorkerBatchBenchmark {

    private static final int BATCHES = Integer.getInteger("bench.batches", 300);
    private static final int WARMUP = Integer.getInteger("bench.warmupBatches", 100);
    private static final int BATCH = Integer.getInteger("bench.batch", 5);
    private static final int N = Integer.getInteger("bench.n", 25);

    private WorkerBatchBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path template = Path.of(System.getProperty("bench.template", "../template.yaml"));
        Path log = Files.createTempFile("worker-batch-stack", ".log");
        try (LocalStack stack = LocalStack.start(DeployLimits.lift(
                LocalStackOptions.defaults(template).withPort(0).withLogFile(log)))) {
            DynamoDbJobStore store = new DynamoDbJobStore(stack.endpoints().dynamoDbClient(), stack.ref("JobsTable"));
            LambdaFunction worker = stack.function("WorkerFunction");
            run(store, worker, WARMUP);
            double[] millis = run(store, worker, BATCHES);
            java.util.Arrays.sort(millis);
            System.out.printf(
                    Locale.ROOT,
                    "worker invocations of %d fib(%d) jobs: %d, p50 %.2f ms, p90 %.2f ms, mean %.2f ms%n",
                    BATCH,
                    N,
                    millis.length,
                    millis[millis.length / 2],
                    millis[(int) (millis.length * 0.9)],
                    java.util.Arrays.stream(millis).average().orElse(0));
        }
    }

    private static double[] run(DynamoDbJobStore store, LambdaFunction worker, int batches) throws Exception {
        double[] millis = new double[batches];
        for (int b = 0; b < batches; b++) {
            List<String> records = new ArrayList<>();
            long now = System.currentTimeMillis();
            for (int i = 0; i < BATCH; i++) {
                String jobId = UUID.randomUUID().toString();
                store.create(Job.pending(jobId, N, Algorithm.NAIVE, now, null, now / 1000 + 3600));
                String body = JobMessageCodec.write(new JobMessage(jobId, N, Algorithm.NAIVE, now));
                records.add("{\"messageId\":\"" + UUID.randomUUID() + "\",\"receiptHandle\":\"r" + i
                        + "\",\"body\":" + quoted(body) + ",\"attributes\":{\"ApproximateReceiveCount\":\"1\"},"
                        + "\"messageAttributes\":{},\"eventSource\":\"aws:sqs\",\"awsRegion\":\"us-east-1\"}");
            }
            String event = "{\"Records\":[" + String.join(",", records) + "]}";
            InvocationResult result = worker.invoke(event, Admission.WAIT).join();
            if (!result.succeeded() || result.payload().contains("itemIdentifier")) {
                throw new IllegalStateException("batch failed: " + result.payload());
            }
            millis[b] = result.duration().toNanos() / 1e6;
        }
        return millis;
    }

    private static String quoted(String json) {
        return "\"" + json.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
