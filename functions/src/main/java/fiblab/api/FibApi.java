package fiblab.api;

import fiblab.admission.SubmitAdmission;
import fiblab.fib.Algorithm;
import fiblab.fib.Computation;
import fiblab.fib.Deadline;
import fiblab.fib.DeadlineExceededException;
import fiblab.job.IdempotencyKeyReusedException;
import fiblab.job.Job;
import fiblab.job.JobIds;
import fiblab.job.JobSubmission;
import fiblab.job.PollAdvice;
import fiblab.job.QueueUnavailableException;
import fiblab.job.StoreUnavailableException;
import fiblab.json.Json;
import fiblab.json.JsonSyntaxException;
import fiblab.observe.Metrics;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The HTTP contract (README, "The API") with no AWS type in sight: routes, validation, status codes and
 * JSON bodies. Expected failures become error bodies here; anything unexpected propagates to the
 * handler, which logs it and answers a generic 500.
 *
 * @param pollAdvice the {@code Retry-After} of a job that is not finished
 */
public record FibApi(
        RequestRules rules,
        JobSubmission submission,
        Metrics metrics,
        SubmitAdmission admission,
        PollAdvice pollAdvice) {

    /** A job request is about 40 bytes; anything past this is not a job request. */
    public static final int MAX_BODY_BYTES = 1024;

    public static final int MAX_IDEMPOTENCY_KEY_LENGTH = 128;
    /** Seconds a client should wait before retrying after a 503 for an unreachable queue or table. */
    static final String RETRY_UNAVAILABLE_AFTER_SECONDS = "5";

    private static final String ROUTES = "GET /fib/{n}, POST /jobs, GET /jobs/{jobId}";
    /**
     * Longest path routed. fiblab's longest real path is /jobs/ and a 36-character job id; API
     * Gateway itself passes paths of about 8 KB. Anything longer is refused before it is looked at.
     */
    public static final int MAX_PATH_LENGTH = 2048;

    /** Seconds a client should wait after a 503 QUEUE_BACKLOG_FULL: a backlog drains in minutes, not seconds. */
    static final String RETRY_BACKLOG_AFTER_SECONDS = "30";

    private static final Set<String> JOB_FIELDS = Set.of("n", "algorithm");

    /** An API that admits every submit, whatever the queue holds. */
    public FibApi(RequestRules rules, JobSubmission submission, Metrics metrics) {
        this(rules, submission, metrics, SubmitAdmission.ALWAYS);
    }

    public FibApi(RequestRules rules, JobSubmission submission, Metrics metrics, SubmitAdmission admission) {
        this(rules, submission, metrics, admission, PollAdvice.standard());
    }

    /** The same API recording its measurements to {@code other}: priming uses it with {@link Metrics#NONE}. */
    public FibApi withMetrics(Metrics other) {
        return new FibApi(rules, submission, other, admission, pollAdvice);
    }

    /** Answers a request that may take as long as it needs (tests, priming). */
    public HttpResponse handle(HttpRequest request) {
        return handle(request, Deadline.NONE);
    }

    /** Answers a request; an inline computation gives up at {@code deadline} with 504 instead of being killed. */
    public HttpResponse handle(HttpRequest request, Deadline deadline) {
        try {
            return route(request, deadline);
        } catch (DeadlineExceededException overran) {
            return HttpResponse.error(
                    ApiError.COMPUTE_TIMEOUT,
                    "the computation did not finish within this API's time "
                            + "limit; submit it as a job instead: POST /jobs",
                    Map.of());
        } catch (ApiException rejected) {
            return HttpResponse.error(rejected.error(), rejected.getMessage(), rejected.headers());
        } catch (IdempotencyKeyReusedException reused) {
            return HttpResponse.error(ApiError.IDEMPOTENCY_KEY_REUSED, reused.getMessage(), Map.of());
        } catch (StoreUnavailableException unavailable) {
            return HttpResponse.error(
                            ApiError.TABLE_UNAVAILABLE,
                            "the job table is unavailable right now; nothing was recorded for this request, try again shortly",
                            Map.of("retry-after", RETRY_UNAVAILABLE_AFTER_SECONDS))
                    .withCause(unavailable.getMessage());
        } catch (QueueUnavailableException unavailable) {
            return HttpResponse.error(
                            ApiError.QUEUE_UNAVAILABLE,
                            "the job queue is unavailable right now; the job was not accepted (it is recorded as FAILED), "
                                    + "try again shortly",
                            Map.of("retry-after", RETRY_UNAVAILABLE_AFTER_SECONDS))
                    .withCause(unavailable.getMessage());
        }
    }

    private HttpResponse route(HttpRequest request, Deadline deadline) {
        String path = request.path() == null ? "/" : request.path();
        if (path.length() > MAX_PATH_LENGTH) {
            throw new ApiException(
                    ApiError.PATH_TOO_LONG,
                    "the path is " + path.length() + " characters long; at most " + MAX_PATH_LENGTH
                            + " are read, and the routes are " + ROUTES);
        }
        List<String> segments = PathSegments.of(path);
        String method = request.method().toUpperCase(Locale.ROOT);
        if (segments.size() == 2 && segments.get(0).equals("fib")) {
            requireMethod(method, "GET");
            return computeInline(segments.get(1), request.query().get("algorithm"), deadline);
        }
        if (segments.size() == 1 && segments.get(0).equals("jobs")) {
            requireMethod(method, "POST");
            return submitJob(request);
        }
        if (segments.size() == 2 && segments.get(0).equals("jobs")) {
            requireMethod(method, "GET");
            return jobStatus(segments.get(1));
        }
        throw new ApiException(
                ApiError.ROUTE_NOT_FOUND,
                "no route for " + method + " " + RequestRules.abbreviate(request.path()) + "; the routes are "
                        + ROUTES);
    }

    private static void requireMethod(String method, String allowed) {
        if (!method.equals(allowed)) {
            throw new ApiException(
                    ApiError.METHOD_NOT_ALLOWED,
                    method + " is not allowed here; use " + allowed,
                    Map.of("allow", allowed));
        }
    }

    private HttpResponse computeInline(String nText, String algorithmName, Deadline deadline) {
        Algorithm algorithm = rules.algorithm(algorithmName);
        int n = rules.checkInline(rules.nFromPath(nText), algorithm);
        Computation result = Computation.run(algorithm, n, deadline);
        metrics.computed("inline", algorithm, result.computeMicros());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("n", n);
        body.put("algorithm", algorithm.wireName());
        body.put("value", result.value().toString());
        body.put("computeMicros", result.computeMicros());
        return HttpResponse.json(200, body, Map.of("server-timing", "compute;dur=" + result.computeMillisText()));
    }

    private HttpResponse submitJob(HttpRequest request) {
        requireJson(request.header("content-type"));
        String body = request.body();
        if (body != null && body.getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES) {
            throw new ApiException(
                    ApiError.BODY_TOO_LARGE,
                    "the body may be at most " + MAX_BODY_BYTES
                            + " bytes; a job is {\"n\": 30, \"algorithm\": \"naive\"}");
        }
        Map<?, ?> fields = jobFields(body);
        Algorithm algorithm = rules.algorithm(fields.get("algorithm"));
        int n = rules.checkAsync(rules.nFromJson(fields.get("n")), algorithm);
        if (admission.backlogFull()) {
            throw new ApiException(
                    ApiError.QUEUE_BACKLOG_FULL,
                    "more than " + admission.limit() + " jobs are waiting in the queue; nothing was recorded for "
                            + "this request, submit it again later",
                    Map.of("retry-after", RETRY_BACKLOG_AFTER_SECONDS));
        }
        JobSubmission.Submitted submitted = submission.submit(n, algorithm, idempotencyKey(request));
        Job job = submitted.job();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("location", "/jobs/" + job.jobId());
        // a replay may find the job finished: the client can read it at once, and 1 s is the least the header says
        headers.put(
                "retry-after",
                String.valueOf(job.status().isTerminal() ? PollAdvice.MIN_SECONDS : pollAdvice.retryAfterSeconds(job)));
        if (submitted.replayed()) {
            headers.put("idempotent-replayed", "true");
        }
        return HttpResponse.json(202, submitted.replayed() ? JobView.status(job) : JobView.accepted(job), headers);
    }

    private static void requireJson(String contentType) {
        String mediaType =
                contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json")
                && !(mediaType.startsWith("application/") && mediaType.endsWith("+json"))) {
            throw new ApiException(
                    ApiError.UNSUPPORTED_MEDIA_TYPE,
                    "POST /jobs takes Content-Type: application/json"
                            + (contentType == null
                                    ? ", and the request had none"
                                    : ", not " + RequestRules.abbreviate(contentType)));
        }
    }

    private static Map<?, ?> jobFields(String body) {
        if (body == null || body.isBlank()) {
            throw new ApiException(
                    ApiError.INVALID_BODY,
                    "the body is empty; send a JSON object such as {\"n\": 30, \"algorithm\": \"naive\"}");
        }
        Object parsed;
        try {
            parsed = Json.parse(body);
        } catch (JsonSyntaxException broken) {
            throw new ApiException(ApiError.INVALID_JSON, "the body is not valid JSON: " + broken.getMessage());
        }
        if (!(parsed instanceof Map<?, ?> fields)) {
            throw new ApiException(
                    ApiError.INVALID_BODY,
                    "the body must be a JSON object such as {\"n\": 30, \"algorithm\": \"naive\"}");
        }
        for (Object name : fields.keySet()) {
            if (!JOB_FIELDS.contains(name)) {
                throw new ApiException(
                        ApiError.INVALID_BODY,
                        "unknown field \"" + RequestRules.abbreviate(String.valueOf(name))
                                + "\"; a job has only n and algorithm");
            }
        }
        return fields;
    }

    private static String idempotencyKey(HttpRequest request) {
        String key = request.header("idempotency-key");
        if (key == null) {
            return null;
        }
        if (key.isEmpty()
                || key.length() > MAX_IDEMPOTENCY_KEY_LENGTH
                || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new ApiException(
                    ApiError.INVALID_IDEMPOTENCY_KEY,
                    "Idempotency-Key must be 1 to " + MAX_IDEMPOTENCY_KEY_LENGTH
                            + " visible ASCII characters, such as a UUID");
        }
        return key;
    }

    private HttpResponse jobStatus(String jobId) {
        if (!JobIds.isWellFormed(jobId)) {
            throw new ApiException(
                    ApiError.INVALID_JOB_ID,
                    "job ids are lower-case UUIDs as returned by POST /jobs; got \"" + RequestRules.abbreviate(jobId)
                            + "\"");
        }
        Job job = submission
                .status(jobId)
                .orElseThrow(() -> new ApiException(
                        ApiError.JOB_NOT_FOUND, "no job " + jobId + "; it was never submitted, or it expired"));
        Map<String, String> headers = job.status().isTerminal()
                ? Map.of()
                : Map.of("retry-after", String.valueOf(pollAdvice.retryAfterSeconds(job)));
        return HttpResponse.json(200, JobView.status(job), headers);
    }
}
