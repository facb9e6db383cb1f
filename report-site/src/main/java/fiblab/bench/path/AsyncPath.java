package fiblab.bench.path;

import com.fasterxml.jackson.jr.ob.JSON;
import fiblab.bench.http.ApiClient;
import fiblab.bench.http.ApiResponse;
import fiblab.fib.FastDoubling;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * The async path: {@code POST /jobs}, then {@code GET /jobs/{id}} every poll interval until the job
 * is DONE or FAILED, or the job timeout passes. The operation's latency is submit to the poll that
 * saw the result, so it includes up to one poll interval of waiting; the server-side times
 * (queue wait, compute, write, submit-to-completed) come from the job record and have no such delay.
 */
public final class AsyncPath implements Operation {

    private final ApiClient client;
    private final JobSubmit submit;
    private final String expectedValue;
    private final long pollIntervalNanos;
    private final long jobTimeoutNanos;

    public AsyncPath(ApiClient client, int n, String algorithm, Duration pollInterval, Duration jobTimeout) {
        this.client = client;
        this.submit = new JobSubmit(client, n, algorithm);
        this.expectedValue = FastDoubling.fib(n).toString();
        this.pollIntervalNanos = pollInterval.toNanos();
        this.jobTimeoutNanos = jobTimeout.toNanos();
    }

    @Override
    public Sample call() {
        long start = System.nanoTime();
        JobSubmit.Accepted accepted = submit.submit();
        if (!accepted.ok()) {
            return Sample.failed(accepted.error());
        }
        return poll(accepted.jobId(), start, accepted.acceptedNanos());
    }

    private Sample poll(String jobId, long start, long acceptedNanos) {
        int polls = 0;
        long deadline = start + jobTimeoutNanos;
        while (true) {
            LockSupport.parkNanos(pollIntervalNanos);
            if (System.nanoTime() - deadline > 0) {
                return Sample.failed("job-timeout", acceptedNanos, polls);
            }
            polls++;
            try {
                ApiResponse response = client.get("/jobs/" + jobId);
                if (response.statusCode() != 200) {
                    return Sample.failed("poll-http-" + response.statusCode(), acceptedNanos, polls);
                }
                Map<String, Object> job = JSON.std.mapFrom(response.body());
                String status = String.valueOf(job.get("status"));
                if ("DONE".equals(status)) {
                    return done(job, acceptedNanos, polls);
                }
                if ("FAILED".equals(status)) {
                    return Sample.failed("job-failed", acceptedNanos, polls);
                }
            } catch (IOException e) {
                return Sample.failed("poll-" + ApiClient.errorKey(e), acceptedNanos, polls);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Sample.failed("interrupted", acceptedNanos, polls);
            }
        }
    }

    private Sample done(Map<String, Object> job, long acceptedNanos, int polls) {
        if (!expectedValue.equals(String.valueOf(job.get("value")))) {
            return Sample.failed("wrong-value", acceptedNanos, polls);
        }
        long submittedAt = Json.longOr(job.get("submittedAt"), -1);
        long startedAt = Json.longOr(job.get("startedAt"), -1);
        long completedAt = Json.longOr(job.get("completedAt"), -1);
        long computeMicros = Json.longOr(job.get("computeMicros"), -1);
        long queueMillis =
                Json.longOr(job.get("queueMillis"), startedAt >= 0 && submittedAt >= 0 ? startedAt - submittedAt : -1);
        long writeMicros = startedAt >= 0 && completedAt >= 0 && computeMicros >= 0
                ? Math.max(0, (completedAt - startedAt) * 1_000 - computeMicros)
                : -1;
        long serverMicros = submittedAt >= 0 && completedAt >= 0 ? (completedAt - submittedAt) * 1_000 : -1;
        return new Sample(
                null,
                acceptedNanos,
                computeMicros,
                queueMillis < 0 ? -1 : queueMillis * 1_000,
                writeMicros,
                serverMicros,
                polls);
    }
}
