package fiblab.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import fiblab.json.Json;
import fiblab.observe.StructuredLogger;
import fiblab.testing.Fixtures;
import fiblab.testing.TestContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** The API handler fed by the files in events/, the same ones `sam local invoke -e` takes. */
class ApiHandlerTest {

    private final Fixtures fixtures = new Fixtures();
    private final ByteArrayOutputStream logs = new ByteArrayOutputStream();
    private final ApiHandler handler = new ApiHandler(
            fixtures.api(),
            new StructuredLogger(
                    new PrintStream(logs, true, StandardCharsets.UTF_8),
                    StructuredLogger.Level.INFO,
                    Map.of("service", "fiblab-api")));

    private APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, new TestContext("fiblab-api", 29_000));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(APIGatewayV2HTTPResponse response) {
        return (Map<String, Object>) Json.parse(response.getBody());
    }

    @ParameterizedTest
    @Event(value = "../events/api-get-fib-naive.json", type = APIGatewayV2HTTPEvent.class)
    void getFibNaive_shouldAnswer200WithValueAndServerTiming(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = invoke(event);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(body(response)).containsEntry("value", "832040").containsEntry("algorithm", "naive");
        assertThat(response.getHeaders())
                .containsEntry("content-type", "application/json")
                .containsKey("server-timing");
        assertThat(response.getIsBase64Encoded()).isFalse();
    }

    @ParameterizedTest
    @Event(value = "../events/api-get-fib-fast.json", type = APIGatewayV2HTTPEvent.class)
    void getFibFast_shouldAnswerThe209DigitValue(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = invoke(event);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat((String) body(response).get("value")).hasSize(209).startsWith("434665576869374564356885");
    }

    @ParameterizedTest
    @Event(value = "../events/api-post-job-long.json", type = APIGatewayV2HTTPEvent.class)
    void postLongJob_shouldAskTheClientToWaitItsEstimatedComputeTime(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = invoke(event);

        // naive fib(45): the cost model estimates about 10.5 s, so the first poll should come after 10 s, not 1 s
        assertThat(response.getStatusCode()).isEqualTo(202);
        assertThat(response.getHeaders()).containsEntry("retry-after", "10");
    }

    @ParameterizedTest
    @Event(value = "../events/api-post-job.json", type = APIGatewayV2HTTPEvent.class)
    void postJob_shouldAnswer202WithLocation_andQueueTheJob(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = invoke(event);

        assertThat(response.getStatusCode()).isEqualTo(202);
        String jobId = (String) body(response).get("jobId");
        assertThat(response.getHeaders())
                .containsEntry("location", "/jobs/" + jobId)
                .containsEntry("retry-after", "1");
        assertThat(fixtures.queue.sent())
                .singleElement()
                .satisfies(m -> assertThat(m.n()).isEqualTo(30));
        assertThat(logs.toString(StandardCharsets.UTF_8))
                .as("the log line names the request and the job")
                .contains("\"requestId\":\"test-request-1\"")
                .contains("\"jobId\":\"" + jobId + "\"");
    }

    @ParameterizedTest
    @Event(value = "../events/api-post-job-base64.json", type = APIGatewayV2HTTPEvent.class)
    void postJob_shouldDecodeBase64Bodies(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = invoke(event);

        assertThat(response.getStatusCode()).isEqualTo(202);
        assertThat(body(response)).containsEntry("n", 25);
    }

    @ParameterizedTest
    @Event(value = "../events/api-post-job-idempotent.json", type = APIGatewayV2HTTPEvent.class)
    void postJob_shouldReturnTheSameJob_whenTheIdempotentEventIsReplayed(APIGatewayV2HTTPEvent event) {
        Object first = body(invoke(event)).get("jobId");
        fixtures.clock.advanceMillis(1_000);
        APIGatewayV2HTTPResponse replay = invoke(event);

        assertThat(body(replay).get("jobId")).isEqualTo(first);
        assertThat(replay.getHeaders()).containsEntry("idempotent-replayed", "true");
        assertThat(fixtures.queue.sent()).hasSize(1);
    }

    @ParameterizedTest
    @Event(value = "../events/api-get-job.json", type = APIGatewayV2HTTPEvent.class)
    void getJob_shouldAnswer404_whenTheJobDoesNotExist(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = invoke(event);

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(body(response)).containsEntry("error", "JOB_NOT_FOUND");
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    // the bad requests among the sample events, with the answer each must get: one table for the
    // handler test here and the end-to-end test over HTTP (local/)
    @CsvFileSource(files = "../events/bad-requests.csv", numLinesToSkip = 1)
    void badRequestEvents_shouldGetTheirErrorCode_andQueueNothing(String file, int status, String code) {
        APIGatewayV2HTTPResponse response = invoke(EventLoader.loadApiGatewayHttpEvent("../events/" + file));

        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(body(response)).containsOnlyKeys("error", "message").containsEntry("error", code);
        assertThat(fixtures.queue.sent()).isEmpty();
    }

    @Test
    void everyApiEvent_shouldGetAJsonAnswerBelow500() throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(Path.of("../events"))) {
            files = listing.filter(p -> p.getFileName().toString().startsWith("api-"))
                    .sorted()
                    .toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(15);
        for (Path file : files) {
            APIGatewayV2HTTPResponse response = invoke(EventLoader.loadApiGatewayHttpEvent(file.toString()));
            assertThat(response.getStatusCode()).as(file.toString()).isBetween(200, 499);
            assertThat(response.getHeaders()).as(file.toString()).containsEntry("content-type", "application/json");
            assertThat(Json.parse(response.getBody())).as(file.toString()).isInstanceOf(Map.class);
        }
    }

    @Test
    void inlineComputation_shouldAnswer504_whenItWouldOutliveTheFunction() {
        // Given limits raised so far that fib(60) is allowed inline, and an invocation with 1.5 s left
        fiblab.config.Limits raised = new fiblab.config.Limits(90, 90, 1_000_000);
        ApiHandler handler = new ApiHandler(
                new fiblab.api.FibApi(
                        new fiblab.api.RequestRules(raised), fixtures.submission(), fiblab.observe.Metrics.NONE),
                new StructuredLogger(
                        new PrintStream(logs, true, StandardCharsets.UTF_8), StructuredLogger.Level.INFO, Map.of()));
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("../events/api-get-fib-naive.json");
        event.setRawPath("/fib/60");

        // When it runs, it gives up a second before Lambda would kill it
        long start = System.nanoTime();
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, new TestContext("fiblab-api", 1_500));

        // Then the client gets a JSON 504 that points at the async path
        assertThat(response.getStatusCode()).isEqualTo(504);
        assertThat(body(response)).containsEntry("error", "COMPUTE_TIMEOUT");
        assertThat((String) body(response).get("message")).contains("POST /jobs");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1_500);
    }

    @Test
    void unexpectedFailure_shouldAnswerGeneric500WithoutStackTrace_andLogTheStack() {
        // Given an API core that breaks in a way nobody planned for
        ApiHandler broken = new ApiHandler(
                new fiblab.api.FibApi(null, null, null),
                new StructuredLogger(
                        new PrintStream(logs, true, StandardCharsets.UTF_8), StructuredLogger.Level.INFO, Map.of()));

        // When a request arrives
        APIGatewayV2HTTPResponse response = broken.handleRequest(
                EventLoader.loadApiGatewayHttpEvent("../events/api-get-fib-naive.json"),
                new TestContext("fiblab-api", 29_000));

        // Then the client sees a plain 500 with the request id, and the log has the stack
        assertThat(response.getStatusCode()).isEqualTo(500);
        assertThat(body(response)).containsEntry("error", "INTERNAL_ERROR");
        assertThat(response.getBody())
                .contains("test-request-1")
                .doesNotContain("Exception")
                .doesNotContain("at fiblab");
        assertThat(logs.toString(StandardCharsets.UTF_8))
                .contains("\"stackTrace\"")
                .contains("NullPointerException");
    }
}
