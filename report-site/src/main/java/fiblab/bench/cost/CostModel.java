package fiblab.bench.cost;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a million requests of each path cost on AWS, counting what each request really does in
 * fiblab's code. Inline: one HTTP API request and one ApiFunction invocation. Async: the submit
 * (HTTP API, ApiFunction, PutItem, SendMessage), the status polls (HTTP API, ApiFunction, a
 * strongly consistent GetItem each), and the worker (one invocation, ReceiveMessage and
 * DeleteMessageBatch per batch; a claim UpdateItem and a result UpdateItem per job).
 */
public final class CostModel {

    static final double MILLION = 1_000_000;
    static final long HTTP_API_METER_BYTES = 512 * 1024;
    static final long SQS_CHUNK_BYTES = 64 * 1024;
    static final long WRITE_UNIT_BYTES = 1024;
    static final long READ_UNIT_BYTES = 4 * 1024;

    private static final String LAMBDA = "Lambda";
    private static final String API_GATEWAY = "API Gateway";
    private static final String SQS = "SQS";
    private static final String DYNAMODB = "DynamoDB";

    private CostModel() {}

    public static List<PathCost> estimate(CostInputs in, PriceList prices) {
        return List.of(inline(in, prices), async(in, prices));
    }

    static PathCost inline(CostInputs in, PriceList prices) {
        List<LineItem> lines = new ArrayList<>();
        lines.add(new LineItem(
                API_GATEWAY,
                "GET /fib/{n}: HTTP API request",
                MILLION * chunks(in.inlineResponseBytes(), HTTP_API_METER_BYTES),
                "httpApiRequest",
                prices.price("httpApiRequest")));
        lines.add(new LineItem(
                LAMBDA, "ApiFunction invocation", MILLION, "lambdaRequest", prices.price("lambdaRequest")));
        lines.add(new LineItem(
                LAMBDA,
                duration("ApiFunction", in.inlineBilledMillis(), in.apiMemoryMb()),
                MILLION * gbSeconds(in.inlineBilledMillis(), in.apiMemoryMb()),
                "lambdaGbSecond",
                prices.price("lambdaGbSecond")));
        return new PathCost("inline", "request", lines);
    }

    static PathCost async(CostInputs in, PriceList prices) {
        List<LineItem> lines = new ArrayList<>();
        double polls = in.pollsPerJob();
        double batches = 1.0 / in.batchSize();
        // One batch is one invocation, rounded up to 1 ms once, shared by its jobs.
        double workerBilledPerJob = Math.ceil(in.workerMillisPerJob() * in.batchSize()) / in.batchSize();
        lines.add(new LineItem(
                API_GATEWAY,
                "POST /jobs: HTTP API request",
                MILLION,
                "httpApiRequest",
                prices.price("httpApiRequest")));
        lines.add(new LineItem(
                LAMBDA, "POST /jobs: ApiFunction invocation", MILLION, "lambdaRequest", prices.price("lambdaRequest")));
        lines.add(new LineItem(
                LAMBDA,
                "POST /jobs: " + duration("ApiFunction", in.submitBilledMillis(), in.apiMemoryMb()),
                MILLION * gbSeconds(in.submitBilledMillis(), in.apiMemoryMb()),
                "lambdaGbSecond",
                prices.price("lambdaGbSecond")));
        lines.add(new LineItem(
                DYNAMODB,
                "POST /jobs: PutItem",
                MILLION * chunks(in.jobItemBytes(), WRITE_UNIT_BYTES),
                "dynamoDbWrite",
                prices.price("dynamoDbWrite")));
        lines.add(new LineItem(
                SQS,
                "POST /jobs: SendMessage",
                MILLION * chunks(in.messageBytes(), SQS_CHUNK_BYTES),
                "sqsRequest",
                prices.price("sqsRequest")));
        String each = String.format(Locale.ROOT, "GET /jobs/{id} × %.2f per job: ", polls);
        lines.add(new LineItem(
                API_GATEWAY,
                each + "HTTP API requests",
                MILLION * polls,
                "httpApiRequest",
                prices.price("httpApiRequest")));
        lines.add(new LineItem(
                LAMBDA,
                each + "ApiFunction invocations",
                MILLION * polls,
                "lambdaRequest",
                prices.price("lambdaRequest")));
        lines.add(new LineItem(
                LAMBDA,
                each + duration("ApiFunction", in.pollBilledMillis(), in.apiMemoryMb()),
                MILLION * polls * gbSeconds(in.pollBilledMillis(), in.apiMemoryMb()),
                "lambdaGbSecond",
                prices.price("lambdaGbSecond")));
        lines.add(new LineItem(
                DYNAMODB,
                each + "GetItem, strongly consistent",
                MILLION * polls * chunks(in.resultItemBytes(), READ_UNIT_BYTES),
                "dynamoDbRead",
                prices.price("dynamoDbRead")));
        lines.add(new LineItem(
                SQS,
                "worker: ReceiveMessage, one per batch of " + in.batchSize(),
                MILLION * batches,
                "sqsRequest",
                prices.price("sqsRequest")));
        lines.add(new LineItem(
                LAMBDA,
                "worker: WorkerFunction invocation, one per batch of " + in.batchSize(),
                MILLION * batches,
                "lambdaRequest",
                prices.price("lambdaRequest")));
        lines.add(new LineItem(
                LAMBDA,
                "worker: " + duration("WorkerFunction", workerBilledPerJob, in.workerMemoryMb()) + " per job",
                MILLION * gbSeconds(workerBilledPerJob, in.workerMemoryMb()),
                "lambdaGbSecond",
                prices.price("lambdaGbSecond")));
        lines.add(new LineItem(
                DYNAMODB,
                "worker: UpdateItem, claim",
                MILLION * chunks(in.jobItemBytes(), WRITE_UNIT_BYTES),
                "dynamoDbWrite",
                prices.price("dynamoDbWrite")));
        lines.add(new LineItem(
                DYNAMODB,
                "worker: UpdateItem, result",
                MILLION * chunks(in.resultItemBytes(), WRITE_UNIT_BYTES),
                "dynamoDbWrite",
                prices.price("dynamoDbWrite")));
        lines.add(new LineItem(
                SQS,
                "worker: DeleteMessageBatch, one per batch",
                MILLION * batches,
                "sqsRequest",
                prices.price("sqsRequest")));
        return new PathCost("async", "job", lines);
    }

    /** GB-seconds of one invocation: billed milliseconds at the memory size (MB / 1024 = GB). */
    static double gbSeconds(double billedMillis, int memoryMb) {
        return billedMillis / 1_000.0 * memoryMb / 1024.0;
    }

    /** Billing increments: at least one, one more for every started increment. */
    static long chunks(long bytes, long increment) {
        return Math.max(1, (bytes + increment - 1) / increment);
    }

    private static String duration(String function, double billedMillis, int memoryMb) {
        return String.format(Locale.ROOT, "%s duration (%.2f ms billed at %d MB)", function, billedMillis, memoryMb);
    }
}
