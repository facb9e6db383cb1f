package fiblab.bench.path;

import com.fasterxml.jackson.jr.ob.JSON;
import fiblab.bench.http.ApiClient;
import fiblab.bench.http.ApiResponse;
import java.io.IOException;

/**
 * {@code POST /jobs} for one n and algorithm, as a client submits: the first half of the async
 * path, and all of the submit-latency measurement. Failures come back as a key, never thrown.
 */
public final class JobSubmit {

    private final ApiClient client;
    private final String body;

    public JobSubmit(ApiClient client, int n, String algorithm) {
        this.client = client;
        this.body = "{\"n\":" + n + ",\"algorithm\":\"" + algorithm + "\"}";
    }

    /**
     * What one submit gave: the job id and the time to its {@code 202}, or the failure.
     *
     * @param error             null when the job was accepted; else e.g. {@code http-503}, {@code timeout}
     * @param retryAfterSeconds the answer's {@code Retry-After}: how long a polite client waits before its first poll
     */
    public record Accepted(String jobId, long acceptedNanos, String error, int retryAfterSeconds) {

        static Accepted failed(String error) {
            return new Accepted(null, -1, error, -1);
        }

        public boolean ok() {
            return error == null;
        }
    }

    public Accepted submit() {
        long start = System.nanoTime();
        try {
            ApiResponse response = client.postJson("/jobs", body);
            long acceptedNanos = System.nanoTime() - start;
            if (response.statusCode() != 202) {
                return Accepted.failed("http-" + response.statusCode());
            }
            return new Accepted(
                    String.valueOf(JSON.std.mapFrom(response.body()).get("jobId")),
                    acceptedNanos,
                    null,
                    response.retryAfterSeconds());
        } catch (IOException e) {
            return Accepted.failed(ApiClient.errorKey(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Accepted.failed("interrupted");
        }
    }
}
