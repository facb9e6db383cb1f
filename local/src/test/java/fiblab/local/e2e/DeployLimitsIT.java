package fiblab.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import fiblab.job.JobIds;
import fiblab.local.LocalStack;
import fiblab.local.LocalStackOptions;
import fiblab.local.testing.ApiClient;
import fiblab.local.testing.StdoutTap;
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
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The deployed limits of template.yaml, over HTTP against the local stack: the stage's per-route
 * throttles (429 from the gateway, before any function runs) and the job queue's backlog limit
 * (503 QUEUE_BACKLOG_FULL, nothing recorded). The worker's SQS event is disabled in the copy the
 * stack runs, so the queue fills as it would behind a stalled or starved worker.
 */
class DeployLimitsIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dir;

    @AutoClose("uninstall")
    private static StdoutTap tap;

    @AutoClose
    private static LocalStack stack;

    private static Path log;

    @BeforeAll
    static void start() throws Exception {
        Path pausedWorker = Templates.copyWith(
                Templates.project(),
                dir,
                "            MaximumBatchingWindowInSeconds: 0\n",
                "            MaximumBatchingWindowInSeconds: 0\n            Enabled: false\n");
        tap = StdoutTap.install();
        log = dir.resolve("stack.log");
        stack = LocalStack.start(LocalStackOptions.defaults(pausedWorker)
                .withPort(0)
                .withLogFile(log)
                .withParameter("InlineRateLimit", "1")
                .withParameter("InlineBurstLimit", "2")
                .withParameter("SubmitRateLimit", "100")
                .withParameter("SubmitBurstLimit", "100")
                .withParameter("QueueBacklogLimit", "2"));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(stack.apiUrl() + path)).timeout(Duration.ofSeconds(30));
    }

    private static HttpResponse<String> submit(String idempotencyKey) throws Exception {
        return send(request("/jobs")
                .header("content-type", "application/json")
                .header("idempotency-key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString("{\"n\": 20}")));
    }

    @Test
    void inlineRoute_shouldAnswer429TooManyRequests_pastItsBurst_whileOtherRoutesStillAnswer() throws Exception {
        // Given GET /fib/{n} throttled to 1 request/s with a burst of 2

        // When six requests arrive at once
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            responses.add(send(request("/fib/1")));
        }
        HttpResponse<String> otherRoute = send(request("/jobs/" + java.util.UUID.randomUUID()));

        // Then the burst passes, the rest get API Gateway's own 429, and the job route has its own bucket
        assertThat(responses.subList(0, 2))
                .allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));
        HttpResponse<String> throttled = responses.get(5);
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.body()).isEqualTo("{\"message\":\"Too Many Requests\"}");
        assertThat(otherRoute.statusCode()).isEqualTo(404);
        assertThat(Files.readString(log)).contains("GET /fib/{n} -> ApiFunction  (throttled: 1 req/s, burst 2");
    }

    @Test
    void submit_shouldAnswer503WithRetryAfter_andRecordNothing_onceTheBacklogPassesTheLimit() throws Exception {
        // Given a paused worker and a backlog limit of 2: three jobs fill the queue past it
        for (int i = 0; i < 3; i++) {
            assertThat(submit("fill-" + i + "-" + System.nanoTime()).statusCode())
                    .isEqualTo(202);
        }

        // When submits go on (the API reads the backlog at most every 5 s)
        HttpResponse<String> refused = null;
        String refusedKey = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (refused == null && System.nanoTime() < deadline) {
            String key = "more-" + System.nanoTime();
            HttpResponse<String> response = submit(key);
            if (response.statusCode() == 503) {
                refused = response;
                refusedKey = key;
            } else {
                assertThat(response.statusCode()).isEqualTo(202);
                Thread.sleep(250);
            }
        }

        // Then the refusal is a 503 with its own code and Retry-After, and the refused job does not exist
        assertThat(refused).as("a 503 within 20 s").isNotNull();
        Map<String, Object> body = ApiClient.json(refused);
        assertThat(body).containsEntry("error", "QUEUE_BACKLOG_FULL");
        assertThat(refused.headers().firstValue("retry-after")).hasValue("30");
        HttpResponse<String> status = send(request("/jobs/" + JobIds.fromIdempotencyKey(refusedKey)));
        assertThat(status.statusCode()).isEqualTo(404);
        try (SqsClient sqs = stack.endpoints().sqsClient()) {
            String waiting = sqs.getQueueAttributes(r -> r.queueUrl(stack.ref("JobsQueue"))
                            .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                    .attributes()
                    .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
            assertThat(Integer.parseInt(waiting)).isGreaterThan(2);
        }
    }
}
