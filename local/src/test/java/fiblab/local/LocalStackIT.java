package fiblab.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import fiblab.local.testing.Eventually;
import fiblab.local.testing.RecordingWorker;
import fiblab.local.testing.Templates;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** The stack over real HTTP and a real queue, with the test handlers of test-template.yaml. */
class LocalStackIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static final int VISIBILITY_SECONDS = 5;

    @AutoClose
    private static LocalStack stack;

    private static Path logFile;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        logFile = dir.resolve("stack.log");
        // A visibility timeout a loaded machine's invoke-and-delete fits in: at 1 s (the template's
        // default) a processed message could come back before its delete, as it would in SQS
        stack = LocalStack.start(LocalStackOptions.defaults(Templates.testStack())
                .withPort(0)
                .withLogFile(logFile)
                .withParameter("QueueVisibility", String.valueOf(VISIBILITY_SECONDS)));
    }

    private static String log() {
        try {
            return Files.readString(logFile);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static HttpResponse<String> send(LocalStack target, HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(LocalStack target, String path) {
        return HttpRequest.newBuilder(URI.create(target.apiUrl() + path));
    }

    @Test
    void get_shouldReachTheHandler_withThePayload20EventApiGatewaySends() throws Exception {
        // Given
        HttpRequest.Builder request = request(stack, "/echo/42?x=1&x=2")
                .header("Cookie", "session=abc")
                .header("X-Trace", "t");

        // When
        HttpResponse<String> response = send(stack, request);

        // Then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("x-echo")).hasValue("yes");
        assertThat(response.headers().allValues("set-cookie")).containsExactly("a=1; Path=/", "b=2");
        assertThat(response.headers().firstValue("apigw-requestid")).isPresent();
        Map<String, Object> echo = JSON.std.mapFrom(response.body());
        assertThat(echo)
                .containsEntry("version", "2.0")
                .containsEntry("routeKey", "GET /echo/{id}")
                .containsEntry("rawPath", "/echo/42")
                .containsEntry("rawQueryString", "x=1&x=2")
                .containsEntry("pathParameters", Map.of("id", "42"))
                .containsEntry("queryStringParameters", Map.of("x", "1,2"))
                .containsEntry("cookies", List.of("session=abc"))
                .containsEntry("method", "GET")
                .containsEntry("stage", "$default")
                .containsEntry("functionName", "EchoFunction")
                .containsEntry("memoryLimitInMB", 512);
        assertThat((Map<String, Object>) echo.get("headers"))
                .containsEntry("x-trace", "t")
                .doesNotContainKey("cookie");
    }

    @Test
    void handler_shouldBeBuiltWithTheTemplatesResolvedEnvironment() throws Exception {
        // Given / When
        Map<String, Object> echo =
                JSON.std.mapFrom(send(stack, request(stack, "/echo/1")).body());

        // Then
        Map<String, Object> environment = (Map<String, Object>) echo.get("environment");
        assertThat(environment)
                .containsEntry("TABLE_NAME", "ItemsTable")
                .containsEntry("GREETING", "hello")
                .containsEntry("QUEUE_URL", stack.ref("WorkQueue"))
                .containsEntry("SUBBED", "us-east-1/ItemsTable/WorkQueue")
                .containsEntry("AWS_LAMBDA_FUNCTION_NAME", "EchoFunction")
                .containsEntry("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512")
                .containsEntry("AWS_ENDPOINT_URL_SQS", stack.endpoints().sqs().toString())
                .containsEntry(
                        "AWS_ENDPOINT_URL_DYNAMODB",
                        stack.endpoints().dynamoDb().toString())
                .containsKeys("AWS_REGION", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_LAMBDA_LOG_LEVEL");
        assertThat(stack.ref("WorkQueue"))
                .startsWith(stack.endpoints().sqs().toString())
                .endsWith("/WorkQueue");
    }

    @Test
    void post_shouldPassTheBody_andBinaryResponsesComeBackDecoded() throws Exception {
        // Given / When
        HttpResponse<String> posted = send(
                stack,
                request(stack, "/echo")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"a\":1}"))
                        .header("content-type", "application/json"));
        HttpResponse<byte[]> binary =
                HTTP.send(request(stack, "/binary").build(), HttpResponse.BodyHandlers.ofByteArray());

        // Then
        assertThat(JSON.std.mapFrom(posted.body()))
                .containsEntry("body", "{\"a\":1}")
                .containsEntry("isBase64Encoded", false);
        assertThat(binary.statusCode()).isEqualTo(201);
        assertThat(binary.body()).containsExactly(0, 1, 2, 255);
    }

    @Test
    void request_shouldGetApiGatewaysOwn404_whenNoRouteMatches() throws Exception {
        // Given / When
        HttpResponse<String> response = send(stack, request(stack, "/nowhere"));
        HttpResponse<String> wrongMethod = send(stack, request(stack, "/echo/1").DELETE());

        // Then
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"message\":\"Not Found\"}");
        assertThat(wrongMethod.statusCode()).isEqualTo(404);
    }

    @Test
    void request_shouldGet500_whenTheHandlerThrows() throws Exception {
        // Given / When
        HttpResponse<String> response = send(stack, request(stack, "/fail"));

        // Then
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).isEqualTo("{\"message\":\"Internal Server Error\"}");
        assertThat(Files.readString(logFile)).contains("\"errorType\":\"java.lang.IllegalStateException\"");
    }

    @Test
    void requests_overTheReservedConcurrency_shouldBeThrottled() throws Exception {
        // Given: EchoFunction has ReservedConcurrentExecutions: 2
        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();

        // When
        for (int i = 0; i < 4; i++) {
            responses.add(HTTP.sendAsync(request(stack, "/sleep/1000").build(), HttpResponse.BodyHandlers.ofString()));
        }

        // Then
        List<Integer> statuses =
                responses.stream().map(f -> f.join().statusCode()).toList();
        assertThat(statuses).containsOnly(200, 500).contains(200).contains(500);
        assertThat(statuses.stream().filter(s -> s == 200)).hasSizeLessThanOrEqualTo(2);
        assertThat(Files.readString(logFile)).contains("TooManyRequestsException");
    }

    @Test
    void worker_shouldGetOnlyTheFailedMessageBack_andItEndsInTheDlqAfterMaxReceiveCount() throws Exception {
        // Given
        String ok = "ok-" + System.nanoTime();
        String failing = "fail-" + System.nanoTime();
        try (SqsClient sqs = stack.endpoints().sqsClient()) {
            // When
            sqs.sendMessageBatch(r -> r.queueUrl(stack.ref("WorkQueue"))
                    .entries(e -> e.id("1").messageBody(ok), e -> e.id("2").messageBody(failing)));

            // Then: the failing one is delivered maxReceiveCount (2) times, then moved to the DLQ
            List<Message> dead = new ArrayList<>();
            // (about two visibility timeouts, plus the polls)
            boolean inDlq = Eventually.within(Duration.ofSeconds(30), () -> {
                dead.addAll(sqs.receiveMessage(r ->
                                r.queueUrl(stack.ref("WorkDeadLetterQueue")).waitTimeSeconds(1))
                        .messages());
                return dead.stream().anyMatch(m -> m.body().equals(failing));
            });
            assertThat(inDlq).as("message reached the DLQ").isTrue();
            // the DLQ is the whole class's: another test's message (the timeout test's) may be there too
            assertThat(dead).extracting(Message::body).contains(failing).doesNotContain(ok);
        }
        assertThat(RecordingWorker.deliveriesOf(ok)).hasSize(1);
        assertThat(RecordingWorker.deliveriesOf(failing))
                .extracting(RecordingWorker.Delivery::receiveCount)
                .containsExactly(1, 2);
        assertThat(RecordingWorker.deliveriesOf(failing))
                .allMatch(d -> d.eventSource().equals("aws:sqs"));
    }

    @Test
    void worker_shouldBeTimedOut_andTheBatchReturns_whenItRunsPastItsTimeout() throws Exception {
        // Given: WorkerFunction has Timeout: 2
        String body = "sleep:4000:" + System.nanoTime();
        try (SqsClient sqs = stack.endpoints().sqsClient()) {
            // When
            sqs.sendMessage(r -> r.queueUrl(stack.ref("WorkQueue")).messageBody(body));
        }

        // Then: the invocation is cut at 2 s, and the message (not deleted) is delivered again
        assertThat(Eventually.within(Duration.ofSeconds(15), () -> log().contains("Task timed out after 2.00 seconds")))
                .as("a timeout was reported")
                .isTrue();
        assertThat(log()).contains("Status: timeout");
        assertThat(Eventually.within(
                        Duration.ofSeconds(10),
                        () -> RecordingWorker.deliveriesOf(body).size() >= 2))
                .isTrue();
    }

    @Test
    void stack_shouldFollowAChangedRouteAndBatchSize_fromACopyOfTheTemplate() throws Exception {
        // Given
        Path moved = Templates.copyWith(Templates.testStack(), dir, "Path: /echo\n", "Path: /echo-moved\n");
        Path copy = Templates.copyWith(moved, dir, "BatchSize: 3", "BatchSize: 1");
        try (LocalStack changed =
                LocalStack.start(LocalStackOptions.defaults(copy).withPort(0).withLogFile(dir.resolve("copy.log")))) {
            // When
            HttpResponse<String> movedRoute =
                    send(changed, request(changed, "/echo-moved").POST(HttpRequest.BodyPublishers.ofString("x")));
            HttpResponse<String> oldRoute =
                    send(changed, request(changed, "/echo").POST(HttpRequest.BodyPublishers.ofString("x")));
            String tag = "single-" + System.nanoTime();
            try (SqsClient sqs = changed.endpoints().sqsClient()) {
                sqs.sendMessageBatch(r -> r.queueUrl(changed.ref("WorkQueue"))
                        .entries(
                                e -> e.id("1").messageBody(tag + "a"),
                                e -> e.id("2").messageBody(tag + "b"),
                                e -> e.id("3").messageBody(tag + "c")));
            }

            // Then
            assertThat(movedRoute.statusCode()).isEqualTo(200);
            assertThat(oldRoute.statusCode()).isEqualTo(404);
            assertThat(Eventually.within(
                            Duration.ofSeconds(10),
                            () -> RecordingWorker.DELIVERIES.stream()
                                            .filter(d -> d.body().startsWith(tag))
                                            .count()
                                    == 3))
                    .isTrue();
            assertThat(RecordingWorker.DELIVERIES.stream().filter(d -> d.body().startsWith(tag)))
                    .allMatch(d -> d.batchSize() == 1);
        }
    }

    @Test
    void close_shouldLeaveNoChildProcess() throws Exception {
        // Given
        LocalStack other = LocalStack.start(
                LocalStackOptions.defaults(Templates.testStack()).withPort(0).withLogFile(dir.resolve("other.log")));
        long nodePid = other.servers().orElseThrow().dynamoDb().pid();
        assertThat(ProcessHandle.of(nodePid)).isPresent();

        // When
        other.close();

        // Then
        assertThat(ProcessHandle.of(nodePid).map(ProcessHandle::isAlive).orElse(false))
                .isFalse();
        assertThat(fiblab.local.servers.ChildProcesses.runningPids()).doesNotContain(nodePid);
    }
}
