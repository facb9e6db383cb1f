package fiblab.bench.throughput;

import fiblab.bench.http.ApiClient;
import fiblab.bench.path.JobSubmit;
import fiblab.bench.path.Operation;
import fiblab.bench.path.Sample;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * {@code POST /jobs} alone: the operation ends at the {@code 202}, so its latency is the submit
 * latency a client sees while the workers compute. The job ids are kept, to wait for the jobs
 * afterwards so that they do not load the next measurement.
 */
public final class SubmitPath implements Operation {

    private final JobSubmit submit;
    private final Queue<String> jobIds = new ConcurrentLinkedQueue<>();

    public SubmitPath(ApiClient client, int n) {
        this.submit = new JobSubmit(client, n, "naive");
    }

    @Override
    public Sample call() {
        JobSubmit.Accepted accepted = submit.submit();
        if (!accepted.ok()) {
            return Sample.failed(accepted.error());
        }
        jobIds.add(accepted.jobId());
        return new Sample(null, accepted.acceptedNanos(), -1, -1, -1, -1, 0);
    }

    public List<String> jobIds() {
        return List.copyOf(jobIds);
    }
}
