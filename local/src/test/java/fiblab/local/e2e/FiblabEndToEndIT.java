package fiblab.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import fiblab.job.JobIds;
import fiblab.local.DeployLimits;
import fiblab.local.LocalStack;
import fiblab.local.LocalStackOptions;
import fiblab.local.aws.ResourceProvisioner;
import fiblab.local.servers.LocalServers;
import fiblab.local.template.SamTemplate;
import fiblab.local.testing.ApiClient;
import fiblab.local.testing.Eventually;
import fiblab.local.testing.StdoutTap;
import fiblab.local.testing.Templates;
import fiblab.testing.IterativeFibonacci;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The real fiblab functions behind the local stack, used over HTTP as a client would, with the
 * real queue, worker and table. The stack runs a copy of template.yaml whose worker timeout and
 * visibility timeout are short, so retries happen within a test's time (the same settings in the
 * real template take 30 minutes to bring a failed message back).
 *
 * <p>The tests share the stack but nothing else: each one submits its own jobs, asserts on its own
 * job ids, waits on conditions with a bound (never a fixed sleep), and one that takes a server away
 * brings it back before it ends, so they pass in any order.
 */
class FiblabEndToEndIT {

    private static final Duration DONE_WITHIN = Duration.ofSeconds(60);

    @TempDir
    static Path dir;

    private static Path template;

    @AutoClose("uninstall")
    private static StdoutTap tap;

    @AutoClose
    private static LocalStack stack;

    private static ApiClient api;

    @BeforeAll
    static void start() throws Exception {
        template = Templates.copyWith(
                Templates.copyWith(Templates.project(), dir, "Timeout: 300", "Timeout: 5"),
                dir,
                "VisibilityTimeout: 1800",
                "VisibilityTimeout: 3");
        tap = StdoutTap.install();
        // functional tests: the deploy limits (throttles, reserved concurrency) have their own, DeployLimitsIT
        LocalStackOptions options = DeployLimits.lift(
                LocalStackOptions.defaults(template).withPort(0).withLogFile(dir.resolve("stack.log")));
        // -Plocalstack: a LocalStack container's endpoint instead of the local servers (src/localstack-test)
        if (Boolean.getBoolean("fiblab.localstack")) {
            Class<?> endpoint = Class.forName("fiblab.local.localstack.LocalStackEndpoint");
            options = options.withEndpoint(((java.util.function.Supplier<java.net.URI>)
                            endpoint.getDeclaredConstructor().newInstance())
                    .get());
        }
        stack = LocalStack.start(options);
        api = new ApiClient(stack.apiUrl());
    }

    @Test
    void inline_shouldComputeNaiveAndFast() {
        // Given / When
        HttpResponse<String> naive = api.get("/fib/30");
        HttpResponse<String> fast = api.get("/fib/300?algorithm=fast");

        // Then
        assertThat(naive.statusCode()).isEqualTo(200);
        assertThat(ApiClient.json(naive)).containsEntry("value", "832040").containsEntry("algorithm", "naive");
        assertThat(naive.headers().firstValue("server-timing"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("compute;dur="));
        assertThat(ApiClient.json(fast))
                .containsEntry("value", IterativeFibonacci.fib(300).toString())
                .containsEntry("algorithm", "fast");
    }

    @Test
    void submit_shouldReachDone_whenTheWorkerRuns() {
        // Given
        HttpResponse<String> accepted = api.submit(25, "naive");
        assertThat(accepted.statusCode()).isEqualTo(202);
        String location = accepted.headers().firstValue("location").orElseThrow();
        assertThat(accepted.headers().firstValue("retry-after")).isPresent();

        // When
        Map<String, Object> job = awaitTerminal(location);

        // Then
        assertThat(job)
                .containsEntry("status", "DONE")
                .containsEntry("value", "75025")
                .containsEntry("n", 25);
        assertThat(location).isEqualTo("/jobs/" + job.get("jobId"));
    }

    @Test
    void status_shouldBe404_forAnUnknownJob() {
        // Given / When
        HttpResponse<String> response = api.get("/jobs/" + UUID.randomUUID());

        // Then
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(ApiClient.json(response))
                .containsEntry("error", "JOB_NOT_FOUND")
                .containsKey("message");
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvFileSource(files = "../events/bad-requests.csv", numLinesToSkip = 1)
    void badRequest_shouldGetItsErrorCode_overHttp(String eventFile, int status, String code) throws Exception {
        // Given: the request that the sample event (events/) describes, sent over HTTP
        Map<String, Object> event =
                JSON.std.mapFrom(Files.readString(eventsDir().resolve(eventFile)));
        Map<String, Object> http =
                (Map<String, Object>) ((Map<String, Object>) event.get("requestContext")).get("http");
        Map<String, Object> headers =
                event.get("headers") == null ? Map.of() : (Map<String, Object>) event.get("headers");
        String query = String.valueOf(event.getOrDefault("rawQueryString", ""));
        byte[] body = event.get("body") == null
                ? null
                : Boolean.TRUE.equals(event.get("isBase64Encoded"))
                        ? Base64.getDecoder().decode(String.valueOf(event.get("body")))
                        : String.valueOf(event.get("body")).getBytes(StandardCharsets.UTF_8);

        // When
        HttpResponse<String> response = api.send(
                String.valueOf(http.get("method")),
                event.get("rawPath") + (query.isEmpty() ? "" : "?" + query),
                (String) headers.get("content-type"),
                body);

        // Then
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(ApiClient.json(response)).containsEntry("error", code).containsKey("message");
        assertThat(response.headers().firstValue("content-type"))
                .hasValueSatisfying(v -> assertThat(v).contains("application/json"));
    }

    @Test
    void jobs_fromTwentyConcurrentClients_shouldAllReachDone_onceEach() throws Exception {
        // Given
        int jobs = 500;
        ExecutorService clients = Executors.newFixedThreadPool(20);
        Map<String, Integer> submitted = new ConcurrentHashMap<>();
        List<Future<?>> sends = new ArrayList<>();

        // When
        for (int i = 0; i < jobs; i++) {
            int n = 5 + i % 21;
            sends.add(clients.submit(() -> {
                HttpResponse<String> response = api.submit(n, "naive");
                assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
                submitted.put(String.valueOf(ApiClient.json(response).get("jobId")), n);
            }));
        }
        for (Future<?> send : sends) {
            send.get();
        }
        clients.shutdown();

        // Then
        assertThat(submitted).hasSize(jobs);
        Set<String> pending = ConcurrentHashMap.newKeySet();
        pending.addAll(submitted.keySet());
        boolean allDone = Eventually.within(Duration.ofSeconds(120), () -> {
            pending.removeIf(
                    id -> "DONE".equals(ApiClient.json(api.get("/jobs/" + id)).get("status")));
            return pending.isEmpty();
        });
        assertThat(allDone).as("jobs still not DONE: " + pending).isTrue();
        // the worker logs a completion after its write returns, so a poll can see DONE a moment earlier
        Eventually.within(
                Duration.ofSeconds(10), () -> submitted.keySet().stream().allMatch(id -> tap.completedWrites(id) >= 1));
        submitted.forEach((id, n) -> {
            assertThat(ApiClient.json(api.get("/jobs/" + id)))
                    .containsEntry("value", IterativeFibonacci.fib(n).toString());
            assertThat(tap.completedWrites(id))
                    .as("successful result writes of " + id)
                    .isEqualTo(1);
        });
    }

    @Test
    void duplicateDelivery_shouldNotWriteASecondResult() {
        // Given: a DONE job
        HttpResponse<String> accepted = api.submit(21, "naive");
        String jobId = String.valueOf(ApiClient.json(accepted).get("jobId"));
        Map<String, Object> done = awaitTerminal("/jobs/" + jobId);
        assertThat(done).containsEntry("status", "DONE");

        // When: SQS delivers its message again
        try (SqsClient sqs = stack.endpoints().sqsClient()) {
            sqs.sendMessage(r -> r.queueUrl(stack.ref("JobsQueue"))
                    .messageBody("{\"jobId\":\"" + jobId + "\",\"n\":21,\"algorithm\":\"naive\",\"submittedAt\":"
                            + done.get("submittedAt") + "}"));
        }

        // Then
        assertThat(Eventually.within(Duration.ofSeconds(20), () -> tap.alreadyFinished(jobId) == 1))
                .isTrue();
        assertThat(tap.completedWrites(jobId)).isEqualTo(1);
        assertThat(ApiClient.json(api.get("/jobs/" + jobId)))
                .containsEntry("value", "10946")
                .containsEntry("completedAt", done.get("completedAt"));
    }

    @Test
    void poisonMessage_shouldEndInTheDlq_andItsJobReadsFailed() {
        // Given: a recorded job whose message asks for more than the worker may compute
        String jobId = UUID.randomUUID().toString();
        long now = System.currentTimeMillis();
        try (DynamoDbClient dynamoDb = stack.endpoints().dynamoDbClient();
                SqsClient sqs = stack.endpoints().sqsClient()) {
            dynamoDb.putItem(r -> r.tableName(stack.ref("JobsTable"))
                    .item(Map.of(
                            "jobId",
                            AttributeValue.fromS(jobId),
                            "n",
                            AttributeValue.fromN("95"),
                            "algorithm",
                            AttributeValue.fromS("naive"),
                            "status",
                            AttributeValue.fromS("PENDING"),
                            "submittedAt",
                            AttributeValue.fromN(Long.toString(now)),
                            "attempts",
                            AttributeValue.fromN("0"),
                            "expiresAt",
                            AttributeValue.fromN(Long.toString(now / 1000 + 86_400)))));

            // When
            sqs.sendMessage(r -> r.queueUrl(stack.ref("JobsQueue"))
                    .messageBody("{\"jobId\":\"" + jobId + "\",\"n\":95,\"algorithm\":\"naive\",\"submittedAt\":" + now
                            + "}"));

            // Then: after MaxReceiveCount (3) receives, SQS moves it to the DLQ
            List<Message> dead = new ArrayList<>();
            boolean inDlq = Eventually.within(Duration.ofSeconds(40), () -> {
                dead.addAll(sqs.receiveMessage(r -> r.queueUrl(stack.ref("JobsDeadLetterQueue"))
                                .waitTimeSeconds(1)
                                .messageSystemAttributeNames(
                                        software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName.ALL))
                        .messages());
                return dead.stream().anyMatch(m -> m.body().contains(jobId));
            });
            assertThat(inDlq).as("poison message in the DLQ").isTrue();
        }
        Map<String, Object> job = ApiClient.json(api.get("/jobs/" + jobId));
        assertThat(job).containsEntry("status", "FAILED").containsKey("error");
    }

    @Test
    void dynamoDbRestartedMidRun_shouldLeaveEveryJobDone_onceItIsBack() throws Exception {
        // Given: jobs submitted before the outage, the last ones still computing when it starts
        Assumptions.assumeTrue(stack.servers().isPresent(), "stopping DynamoDB needs the local servers");
        List<String> jobs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            jobs.add(String.valueOf(ApiClient.json(api.submit(22, "naive")).get("jobId")));
        }
        for (int i = 0; i < 3; i++) {
            jobs.add(String.valueOf(ApiClient.json(api.submit(35, "naive")).get("jobId")));
        }
        var dynamoDb = stack.servers().orElseThrow().dynamoDb();

        // When: DynamoDB goes away (a submit now is refused, never accepted), then comes back
        dynamoDb.stop();
        HttpResponse<String> duringOutage = api.submit(22, "naive");
        boolean cutShort;
        try {
            cutShort = Eventually.within(
                    Duration.ofSeconds(20),
                    () -> jobs.stream().mapToInt(tap::retries).sum() > 0);
        } finally {
            dynamoDb.restart();
        }
        for (int i = 0; i < 10; i++) {
            jobs.add(String.valueOf(ApiClient.json(api.submit(23, "naive")).get("jobId")));
        }

        // Then
        assertThat(duringOutage.statusCode()).isEqualTo(503);
        assertThat(ApiClient.json(duringOutage)).containsEntry("error", "TABLE_UNAVAILABLE");
        for (String jobId : jobs) {
            assertThat(awaitTerminal("/jobs/" + jobId)).as(jobId).containsEntry("status", "DONE");
        }
        assertThat(cutShort).as("a delivery cut short by the outage").isTrue();
        assertThat(jobs.stream().mapToInt(tap::retries).sum())
                .as("deliveries cut short by the outage")
                .isPositive();
        assertThat(jobs).allMatch(id -> tap.completedWrites(id) == 1);
    }

    @Test
    void submit_shouldAnswer503AndRecordTheJobFailed_whenSqsIsDown() {
        // Given: SQS gone, and a submit whose job id this test can name (derived from its Idempotency-Key)
        Assumptions.assumeTrue(stack.servers().isPresent(), "stopping SQS needs the local servers");
        String key = "sqs-down-" + UUID.randomUUID();
        String jobId = JobIds.fromIdempotencyKey(key);
        var sqs = stack.servers().orElseThrow().sqs();
        sqs.stop();
        HttpResponse<String> response;
        try {
            // When
            response = api.submit(10, "naive", key);
        } finally {
            // ElasticMQ keeps queues in memory: bring them back as the template declares them
            sqs.restart();
            new ResourceProvisioner(SamTemplate.load(template, Map.of()), stack.endpoints(), LocalServers.ACCOUNT_ID)
                    .provision();
        }

        // Then: no 202, and the job that was recorded reads FAILED
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(ApiClient.json(response)).containsEntry("error", "QUEUE_UNAVAILABLE");
        try (DynamoDbClient dynamoDb = stack.endpoints().dynamoDbClient()) {
            Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(stack.ref("JobsTable"))
                            .key(Map.of("jobId", AttributeValue.fromS(jobId)))
                            .consistentRead(true))
                    .item();
            assertThat(item.get("errorCode").s()).isEqualTo("QUEUE_UNAVAILABLE");
            assertThat(item.get("status").s()).isEqualTo("FAILED");
        }
        assertThat(ApiClient.json(api.get("/jobs/" + jobId))).containsEntry("status", "FAILED");
    }

    private static Map<String, Object> awaitTerminal(String location) {
        Map<String, Object>[] last = new Map[1];
        Eventually.within(DONE_WITHIN, () -> {
            last[0] = ApiClient.json(api.get(location));
            return "DONE".equals(last[0].get("status")) || "FAILED".equals(last[0].get("status"));
        });
        return last[0];
    }

    private static Path eventsDir() {
        return Path.of(System.getProperty("fiblab.events.dir", "../events"));
    }
}
