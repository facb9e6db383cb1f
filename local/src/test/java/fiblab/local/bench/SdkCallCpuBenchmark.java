package fiblab.local.bench;

import fiblab.aws.AwsClients;
import fiblab.config.Settings;
import fiblab.local.servers.LocalServers;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;

/**
 * A bounded measurement of the CPU one SDK call costs on the local stack (not a test; run by hand,
 * loopback only): the calls an async job makes, each repeated {@code bench.calls} times on one
 * thread with the functions' own clients ({@link AwsClients}), against ElasticMQ and dynalite. For
 * each round it prints the CPU per call of the calling thread (the SDK client), of the JIT compiler
 * threads, of the rest of this JVM (ElasticMQ's server, GC) and of dynalite's node process. Rounds
 * repeat after {@code bench.warmCalls} unrecorded calls, so the JIT's share can be seen to fade.
 * {@code bench.only} (a regular expression) picks calls by name; the first argument, if any, is the
 * {@code FIBLAB_HTTP_CLIENT} to compare ({@code crt}).
 */
public final class SdkCallCpuBenchmark {

    private static final int CALLS = Integer.getInteger("bench.calls", 2000);
    private static final int WARM = Integer.getInteger("bench.warmCalls", 2000);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 4);
    private static final Pattern ONLY = Pattern.compile(System.getProperty("bench.only", ""));
    private static final String TABLE = "jobs";
    private static final String BODY =
            "{\"jobId\":\"0f8fad5b-d9cb-469f-a165-70867728950e\",\"n\":30,\"algorithm\":\"naive\",\"submittedAt\":1764620000000}";

    private final long nodePid;

    private SdkCallCpuBenchmark(long nodePid) {
        this.nodePid = nodePid;
    }

    public static void main(String[] args) throws Exception {
        try (LocalServers servers = LocalServers.start("us-east-1")) {
            long node = ProcessHandle.current()
                    .children()
                    .filter(p -> p.info().command().orElse("").contains("node"))
                    .findFirst()
                    .orElseThrow()
                    .pid();
            Map<String, String> env = new HashMap<>(Map.of(
                    "AWS_REGION", "us-east-1",
                    "AWS_ACCESS_KEY_ID", "local",
                    "AWS_SECRET_ACCESS_KEY", "local",
                    "AWS_ENDPOINT_URL_SQS", servers.sqsEndpoint().toString(),
                    "AWS_ENDPOINT_URL_DYNAMODB", servers.dynamoDbEndpoint().toString()));
            if (args.length > 0) {
                env.put("FIBLAB_HTTP_CLIENT", args[0]);
            }
            Settings settings = new Settings(env);
            new SdkCallCpuBenchmark(node).run(AwsClients.dynamoDb(settings), AwsClients.sqs(settings));
        }
    }

    private void run(DynamoDbClient ddb, SqsClient sqs) throws IOException {
        ddb.createTable(b -> b.tableName(TABLE)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(d -> d.attributeName("jobId").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("jobId").keyType(KeyType.HASH)));
        String queue = sqs.createQueue(b -> b.queueName("jobs")).queueUrl();
        for (int i = 0; i < CALLS; i++) {
            put(ddb, i);
        }
        measure("DynamoDB PutItem", CALLS, i -> put(ddb, CALLS + i));
        measure(
                "DynamoDB GetItem (consistent)",
                CALLS,
                i -> ddb.getItem(b -> b.tableName(TABLE).key(key(i % CALLS)).consistentRead(true)));
        measure(
                "DynamoDB UpdateItem (conditional)",
                CALLS,
                i -> ddb.updateItem(b -> b.tableName(TABLE)
                        .key(key(i % CALLS))
                        .updateExpression("SET attempts = attempts + :one")
                        .conditionExpression("attribute_exists(jobId)")
                        .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))));
        measure(
                "SQS SendMessage",
                CALLS,
                i -> sqs.sendMessage(b -> b.queueUrl(queue).messageBody(BODY)));
        measure("SQS ReceiveMessage(10) + DeleteMessageBatch", CALLS / 10, i -> {
            var messages = sqs.receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(10))
                    .messages();
            if (!messages.isEmpty()) {
                sqs.deleteMessageBatch(b -> b.queueUrl(queue)
                        .entries(messages.stream()
                                .map(m -> DeleteMessageBatchRequestEntry.builder()
                                        .id(m.messageId())
                                        .receiptHandle(m.receiptHandle())
                                        .build())
                                .toList()));
            }
        });
    }

    private static void put(DynamoDbClient ddb, int i) {
        Map<String, AttributeValue> item = new HashMap<>(key(i));
        item.put("status", AttributeValue.fromS("PENDING"));
        item.put("n", AttributeValue.fromN("30"));
        item.put("attempts", AttributeValue.fromN("0"));
        ddb.putItem(b -> b.tableName(TABLE).item(item));
    }

    private static Map<String, AttributeValue> key(int i) {
        return Map.of("jobId", AttributeValue.fromS("job-" + i));
    }

    private void measure(String name, int calls, IntConsumer call) throws IOException {
        if (!ONLY.matcher(name).find()) {
            return;
        }
        for (int round = 0; round < ROUNDS; round++) {
            for (int i = 0; i < WARM; i++) {
                call.accept(i);
            }
            long jit0 = ticks(Path.of("/proc/self/task"), true);
            long thread0 = threadCpuNanos();
            long process0 = processCpuNanos();
            long node0 = nodeTicks();
            long wall0 = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                call.accept(i);
            }
            double wall = (System.nanoTime() - wall0) / 1e6 / calls;
            double caller = (threadCpuNanos() - thread0) / 1e6 / calls;
            double jit = (ticks(Path.of("/proc/self/task"), true) - jit0) * 10.0 / calls;
            double rest = (processCpuNanos() - process0) / 1e6 / calls - caller - jit;
            double node = (nodeTicks() - node0) * 10.0 / calls;
            System.out.printf(
                    Locale.ROOT,
                    "%-44s round %d: caller %.3f ms, JIT %.3f ms, rest of the JVM %.3f ms, dynalite %.3f ms;"
                            + " without JIT %.3f ms; wall %.3f ms per call%n",
                    name,
                    round + 1,
                    caller,
                    jit,
                    rest,
                    node,
                    caller + rest + node,
                    wall);
        }
    }

    private long nodeTicks() throws IOException {
        return stat(Path.of("/proc/" + nodePid + "/stat"));
    }

    /** utime + stime in clock ticks (10 ms) of the tasks under {@code tasks}: the compiler threads, or all. */
    private static long ticks(Path tasks, boolean compilersOnly) throws IOException {
        long sum = 0;
        try (Stream<Path> dirs = Files.list(tasks)) {
            for (Path task : dirs.toList()) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException ended) {
                    continue;
                }
                String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                if (!compilersOnly || comm.contains("CompilerThre")) {
                    sum += fields(stat);
                }
            }
        }
        return sum;
    }

    private static long stat(Path file) throws IOException {
        return fields(Files.readString(file));
    }

    private static long fields(String stat) {
        List<String> f = List.of(stat.substring(stat.lastIndexOf(')') + 2).split(" "));
        return Long.parseLong(f.get(11)) + Long.parseLong(f.get(12));
    }

    private static long threadCpuNanos() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
