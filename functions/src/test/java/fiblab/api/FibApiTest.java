package fiblab.api;

import static org.assertj.core.api.Assertions.assertThat;

import fiblab.job.JobStatus;
import fiblab.json.Json;
import fiblab.testing.Fixtures;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FibApiTest {

    private final Fixtures fixtures = new Fixtures();
    private final FibApi api = fixtures.api();

    private static HttpRequest get(String path, Map<String, String> query) {
        return new HttpRequest("GET", path, query, Map.of(), null);
    }

    private static HttpRequest postJob(String body) {
        return new HttpRequest("POST", "/jobs", Map.of(), Map.of("content-type", "application/json"), body);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(HttpResponse response) {
        return (Map<String, Object>) Json.parse(response.body());
    }

    @Test
    void inline_shouldAnswerValueAsStringWithServerTiming() {
        HttpResponse response = api.handle(get("/fib/30", Map.of()));

        assertThat(response.status()).isEqualTo(200);
        assertThat(body(response))
                .containsEntry("n", 30)
                .containsEntry("algorithm", "naive")
                .containsEntry("value", "832040")
                .containsKey("computeMicros");
        assertThat(response.headers()).containsEntry("content-type", "application/json");
        assertThat(response.headers().get("server-timing")).matches("compute;dur=\\d+\\.\\d{3}");
    }

    @Test
    void inline_shouldComputeFarPastNaiveLimit_whenAlgorithmIsFast() {
        HttpResponse response = api.handle(get("/fib/10000", Map.of("algorithm", "fast")));

        assertThat(response.status()).isEqualTo(200);
        assertThat((String) body(response).get("value")).hasSize(2090).startsWith("33644764876431783266");
    }

    @Test
    void inline_shouldAnswer422WithPointerToJobs_whenNIsAboveInlineButWithinAsyncLimit() {
        HttpResponse response = api.handle(get("/fib/45", Map.of()));

        assertThat(response.status()).isEqualTo(422);
        assertThat(body(response)).containsEntry("error", "N_TOO_LARGE_FOR_INLINE");
        assertThat((String) body(response).get("message"))
                .contains("inline limit of 42")
                .contains("POST /jobs")
                // the real reason is the configured limit, not the gateway's 30 s (fib(45) takes seconds, not 30)
                .doesNotContain("30 s")
                .contains("GET /fib answers naive n up to 42 inline")
                .contains("poll the job");
    }

    @ParameterizedTest
    @CsvSource({
        "/fib/52, N_OUT_OF_RANGE, from 0 to 51",
        "/fib/99999999999999999999999, N_OUT_OF_RANGE, from 0 to 51",
        "/fib/-3, INVALID_N, whole number",
        "/fib/3.5, INVALID_N, whole number",
        "/fib/1e3, INVALID_N, whole number",
        "/fib/thirty, INVALID_N, whole number"
    })
    void inline_shouldAnswer400_whenNIsBad(String path, String code, String messagePart) {
        HttpResponse response = api.handle(get(path, Map.of()));

        assertThat(response.status()).isEqualTo(400);
        assertThat(body(response)).containsEntry("error", code);
        assertThat((String) body(response).get("message")).contains(messagePart);
    }

    @Test
    void inline_shouldAnswer400ListingAlgorithms_whenAlgorithmIsUnknown() {
        HttpResponse response = api.handle(get("/fib/30", Map.of("algorithm", "quantum")));

        assertThat(response.status()).isEqualTo(400);
        assertThat(body(response)).containsEntry("error", "INVALID_ALGORITHM");
        assertThat((String) body(response).get("message")).contains("naive, fast");
    }

    @Test
    void submit_shouldRecordThenQueue_andAnswer202WithLocation() {
        HttpResponse response = api.handle(postJob("{\"n\": 30, \"algorithm\": \"naive\"}"));

        assertThat(response.status()).isEqualTo(202);
        String jobId = (String) body(response).get("jobId");
        assertThat(body(response))
                .containsEntry("status", "PENDING")
                .containsEntry("n", 30)
                .containsEntry("algorithm", "naive")
                .containsEntry("submittedAt", Fixtures.NOW);
        assertThat(response.headers())
                .containsEntry("location", "/jobs/" + jobId)
                .containsEntry("retry-after", "1");
        assertThat(fixtures.store.get(jobId).status()).isEqualTo(JobStatus.PENDING);
        assertThat(fixtures.queue.sent())
                .singleElement()
                .satisfies(m -> assertThat(m.jobId()).isEqualTo(jobId));
    }

    @Test
    void submit_shouldDefaultToNaive_whenAlgorithmIsAbsent() {
        HttpResponse response = api.handle(postJob("{\"n\": 12}"));

        assertThat(response.status()).isEqualTo(202);
        assertThat(body(response)).containsEntry("algorithm", "naive");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"n\": \"30\"}                       | INVALID_N       | not the string \"30\"",
                "{\"n\": 30.5}                         | INVALID_N       | not the fraction 30.5",
                "{\"n\": true}                         | INVALID_N       | not a boolean",
                "{\"n\": null}                         | INVALID_N       | n is required",
                "{\"algorithm\": \"fast\"}             | INVALID_N       | n is required",
                "{\"n\": -1}                           | N_OUT_OF_RANGE  | from 0 to 51",
                "{\"n\": 52}                           | N_OUT_OF_RANGE  | from 0 to 51",
                "{\"n\": 123456789012345678901234567890} | N_OUT_OF_RANGE | from 0 to 51",
                "{\"n\": 30, \"algorithm\": 7}         | INVALID_ALGORITHM | must be a string",
                "{\"n\": 30, \"priority\": \"high\"}   | INVALID_BODY    | unknown field \"priority\"",
                "[30]                                  | INVALID_BODY    | must be a JSON object",
                "{\"n\": 30,                           | INVALID_JSON    | not valid JSON",
                "{\"n\": 30} {\"n\": 31}               | INVALID_JSON    | more text after",
                "{\"n\": 30, \"n\": 31}                | INVALID_JSON    | Duplicate"
            })
    void submit_shouldAnswer400AndQueueNothing_whenBodyIsBad(String json, String code, String messagePart) {
        HttpResponse response = api.handle(postJob(json));

        assertThat(response.status()).isEqualTo(400);
        assertThat(body(response)).containsEntry("error", code);
        assertThat((String) body(response).get("message")).contains(messagePart);
        assertThat(fixtures.store.size()).isZero();
        assertThat(fixtures.queue.sent()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void submit_shouldAnswer400_whenBodyIsEmpty(String blank) {
        HttpResponse response = api.handle(postJob(blank));

        assertThat(response.status()).isEqualTo(400);
        assertThat(body(response)).containsEntry("error", "INVALID_BODY");
    }

    @Test
    void submit_shouldAnswer413_whenBodyIsTooLarge() {
        HttpResponse response = api.handle(postJob("{\"n\": 30, \"algorithm\": \"" + "x".repeat(2000) + "\"}"));

        assertThat(response.status()).isEqualTo(413);
        assertThat(body(response)).containsEntry("error", "BODY_TOO_LARGE");
        assertThat(fixtures.queue.sent()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded"})
    void submit_shouldAnswer415_whenContentTypeIsNotJson(String contentType) {
        HttpResponse response = api.handle(
                new HttpRequest("POST", "/jobs", Map.of(), Map.of("content-type", contentType), "{\"n\": 30}"));

        assertThat(response.status()).isEqualTo(415);
        assertThat(body(response)).containsEntry("error", "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void submit_shouldAcceptJsonWithCharset() {
        HttpResponse response = api.handle(new HttpRequest(
                "POST", "/jobs", Map.of(), Map.of("content-type", "application/json; charset=utf-8"), "{\"n\": 30}"));

        assertThat(response.status()).isEqualTo(202);
    }

    @Test
    void submit_shouldAnswer415_whenContentTypeIsMissing() {
        HttpResponse response = api.handle(new HttpRequest("POST", "/jobs", Map.of(), Map.of(), "{\"n\": 30}"));

        assertThat(response.status()).isEqualTo(415);
        assertThat((String) body(response).get("message")).contains("had none");
    }

    @Test
    void submit_shouldAnswer503AndRecordFailed_whenQueueIsDown() {
        fixtures.queue.goDown();

        HttpResponse response = api.handle(postJob("{\"n\": 30}"));

        assertThat(response.status()).isEqualTo(503);
        assertThat(body(response)).containsEntry("error", "QUEUE_UNAVAILABLE");
        assertThat(response.headers()).containsKey("retry-after");
        assertThat(fixtures.store.size()).isOne();
    }

    @Test
    void submit_shouldAnswer503AndQueueNothing_whenTableIsDown() {
        fixtures.store.goDown();

        HttpResponse response = api.handle(postJob("{\"n\": 30}"));

        assertThat(response.status()).isEqualTo(503);
        assertThat(body(response)).containsEntry("error", "TABLE_UNAVAILABLE");
        assertThat(fixtures.queue.sent()).isEmpty();
    }

    @Test
    void submit_shouldReturnTheSameJob_whenIdempotencyKeyIsRepeated() {
        HttpRequest request = new HttpRequest(
                "POST",
                "/jobs",
                Map.of(),
                Map.of("content-type", "application/json", "idempotency-key", "order-1"),
                "{\"n\": 30}");

        HttpResponse first = api.handle(request);
        fixtures.clock.advanceMillis(1_000);
        HttpResponse second = api.handle(request);

        assertThat(second.status()).isEqualTo(202);
        assertThat(body(second).get("jobId")).isEqualTo(body(first).get("jobId"));
        assertThat(second.headers()).containsEntry("idempotent-replayed", "true");
        assertThat(fixtures.queue.sent()).hasSize(1);
    }

    @Test
    void submit_shouldAnswer422_whenIdempotencyKeyIsReusedForAnotherN() {
        Map<String, String> headers = Map.of("content-type", "application/json", "idempotency-key", "order-2");
        api.handle(new HttpRequest("POST", "/jobs", Map.of(), headers, "{\"n\": 30}"));

        HttpResponse response = api.handle(new HttpRequest("POST", "/jobs", Map.of(), headers, "{\"n\": 31}"));

        assertThat(response.status()).isEqualTo(422);
        assertThat(body(response)).containsEntry("error", "IDEMPOTENCY_KEY_REUSED");
        assertThat((String) body(response).get("message")).contains("n=30");
    }

    @Test
    void submit_shouldAnswer400_whenIdempotencyKeyIsTooLong() {
        HttpResponse response = api.handle(new HttpRequest(
                "POST",
                "/jobs",
                Map.of(),
                Map.of("content-type", "application/json", "idempotency-key", "k".repeat(129)),
                "{\"n\": 30}"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(body(response)).containsEntry("error", "INVALID_IDEMPOTENCY_KEY");
    }

    @Test
    void status_shouldShowPendingJobWithRetryAfter() {
        String jobId = (String) body(api.handle(postJob("{\"n\": 30}"))).get("jobId");

        HttpResponse response = api.handle(get("/jobs/" + jobId, Map.of()));

        assertThat(response.status()).isEqualTo(200);
        assertThat(body(response))
                .containsEntry("jobId", jobId)
                .containsEntry("status", "PENDING")
                .containsEntry("attempts", 0)
                .doesNotContainKeys("value", "error", "startedAt");
        assertThat(response.headers()).containsEntry("retry-after", "1");
    }

    @ParameterizedTest(name = "naive fib({0}): Retry-After {1} on the 202 and on the pending job")
    @CsvSource({"30, 1", "40, 1", "41, 1", "42, 2", "45, 10", "50, 30"})
    void submitAndStatus_shouldAskForTheEstimatedComputeTime_asRetryAfter(int n, String seconds) {
        HttpResponse accepted = api.handle(postJob("{\"n\": " + n + "}"));
        String jobId = (String) body(accepted).get("jobId");

        HttpResponse status = api.handle(get("/jobs/" + jobId, Map.of()));

        assertThat(accepted.headers()).containsEntry("retry-after", seconds);
        assertThat(status.headers()).containsEntry("retry-after", seconds);
    }

    @Test
    void status_shouldAnswer404_whenJobIsUnknown() {
        HttpResponse response = api.handle(get("/jobs/3f2b8c1e-9d4a-4e6b-8a71-2c5d9e0f1a3b", Map.of()));

        assertThat(response.status()).isEqualTo(404);
        assertThat(body(response)).containsEntry("error", "JOB_NOT_FOUND");
    }

    @Test
    void status_shouldAnswer400_whenJobIdIsMalformed() {
        HttpResponse response = api.handle(get("/jobs/../../etc/passwd", Map.of()));

        assertThat(response.status()).isIn(400, 404);
        assertThat(api.handle(get("/jobs/not-a-uuid", Map.of())).status()).isEqualTo(400);
    }

    @Test
    void status_shouldAnswer503_whenTableIsDown() {
        fixtures.store.goDown();

        HttpResponse response = api.handle(get("/jobs/3f2b8c1e-9d4a-4e6b-8a71-2c5d9e0f1a3b", Map.of()));

        assertThat(response.status()).isEqualTo(503);
        assertThat(body(response)).containsEntry("error", "TABLE_UNAVAILABLE");
    }

    @Test
    void unknownRoute_shouldAnswer404ListingTheRoutes() {
        HttpResponse response = api.handle(get("/fibonacci/30", Map.of()));

        assertThat(response.status()).isEqualTo(404);
        assertThat(body(response)).containsEntry("error", "ROUTE_NOT_FOUND");
        assertThat((String) body(response).get("message")).contains("GET /fib/{n}, POST /jobs, GET /jobs/{jobId}");
    }

    @ParameterizedTest
    @CsvSource({"DELETE, /fib/30, GET", "GET, /jobs, POST", "PUT, /jobs/3f2b8c1e-9d4a-4e6b-8a71-2c5d9e0f1a3b, GET"})
    void wrongMethod_shouldAnswer405WithAllow(String method, String path, String allowed) {
        HttpResponse response = api.handle(new HttpRequest(method, path, Map.of(), Map.of(), null));

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.headers()).containsEntry("allow", allowed);
        assertThat(body(response)).containsEntry("error", "METHOD_NOT_ALLOWED");
    }

    @Test
    void routing_shouldRefuseAnAbsurdPathAt_414_withoutLookingAtIt() {
        // 100,000 slashes took 29 s of CPU and ended in a 500 with the regular expression routing
        HttpResponse response = api.handle(get("/".repeat(100_000) + "fib/30", Map.of()));

        assertThat(response.status()).isEqualTo(414);
        assertThat(body(response)).containsEntry("error", "PATH_TOO_LONG");
        assertThat((String) body(response).get("message")).contains("at most 2048");
    }

    @Test
    void routing_shouldCollapseRunsOfSlashes_upToTheLongestPathRead() {
        String slashes = "/".repeat(FibApi.MAX_PATH_LENGTH - "fib//30/".length());

        HttpResponse response = api.handle(get(slashes + "fib//30/", Map.of()));

        assertThat(response.status()).isEqualTo(200);
        assertThat(body(response)).containsEntry("value", "832040");
    }

    @Test
    void submit_shouldAnswer503WithRetryAfter_andRecordNothing_whenTheBacklogIsOverTheLimit() {
        // Given a queue holding 11 messages and a limit of 10
        FibApi full = new FibApi(
                new RequestRules(fixtures.limits),
                fixtures.submission(),
                fiblab.observe.Metrics.NONE,
                new fiblab.admission.SubmitAdmission(() -> java.util.OptionalLong.of(11), 10));

        // When
        HttpResponse response = full.handle(postJob("{\"n\": 30}"));

        // Then
        assertThat(response.status()).isEqualTo(503);
        assertThat(body(response)).containsEntry("error", "QUEUE_BACKLOG_FULL");
        assertThat((String) body(response).get("message")).contains("more than 10 jobs are waiting");
        assertThat(response.headers()).containsEntry("retry-after", "30");
        assertThat(fixtures.store.size()).isZero();
        assertThat(fixtures.queue.sent()).isEmpty();
    }

    @Test
    void submit_shouldAccept_whenTheBacklogIsAtTheLimit() {
        FibApi atLimit = new FibApi(
                new RequestRules(fixtures.limits),
                fixtures.submission(),
                fiblab.observe.Metrics.NONE,
                new fiblab.admission.SubmitAdmission(() -> java.util.OptionalLong.of(10), 10));

        HttpResponse response = atLimit.handle(postJob("{\"n\": 30}"));

        assertThat(response.status()).isEqualTo(202);
        assertThat(fixtures.store.size()).isEqualTo(1);
    }
}
