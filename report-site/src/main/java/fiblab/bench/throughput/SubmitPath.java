package fiblab.bench.throughput;

import com.fasterxml.jackson.jr.ob.JSON;
import fiblab.bench.http.ApiClient;
import fiblab.bench.http.ApiResponse;
import fiblab.bench.path.Operation;
import fiblab.bench.path.Sample;
import java.io.IOException;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * {@code POST /jobs} alone: the operation ends at the {@code 202}, so its latency is the submit
 * latency a client sees while the workers compute. The job ids are kept, to wait for the jobs
 * afterwards so that they do not load the next measurement.
 */
public final class SubmitPath implements Operation {

    private final ApiClient client;
    private final String body;
    private final Queue<String> jobIds = new ConcurrentLinkedQueue<>();

    public SubmitPath(ApiClient client, int n) {
        this.client = client;
        this.body = "{\"n\":" + n + ",\"algorithm\":\"naive\"}";
    }

    @Override
    public Sample call() {
        long start = System.nanoTime();
        try {
            ApiResponse response = client.postJson("/jobs", body);
            long accepted = System.nanoTime() - start;
            if (response.statusCode() != 202) {
                return Sample.failed("http-" + response.statusCode());
            }
            jobIds.add(String.valueOf(JSON.std.mapFrom(response.body()).get("jobId")));
            return new Sample(null, accepted, -1, -1, -1, -1, 0);
        } catch (IOException e) {
            return Sample.failed(ApiClient.errorKey(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Sample.failed("interrupted");
        }
    }

    public List<String> jobIds() {
        return List.copyOf(jobIds);
    }
}
