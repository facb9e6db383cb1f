package fiblab.testing;

import fiblab.api.FibApi;
import fiblab.api.RequestRules;
import fiblab.config.Limits;
import fiblab.job.JobSubmission;
import fiblab.job.JobWorker;
import fiblab.job.WorkerPolicy;
import fiblab.observe.Metrics;
import java.time.Duration;

/** The core wired to in-memory ports, as a test needs it. */
public final class Fixtures {

    public static final long NOW = 1_795_649_400_000L;

    public final InMemoryJobStore store = new InMemoryJobStore();
    public final InMemoryJobQueue queue = new InMemoryJobQueue();
    public final MutableClock clock = new MutableClock(NOW);
    public final Limits limits = Limits.defaults();

    public JobSubmission submission() {
        return new JobSubmission(store, queue, clock, Duration.ofDays(7));
    }

    public FibApi api() {
        return new FibApi(new RequestRules(limits), submission(), Metrics.NONE);
    }

    public JobWorker worker(int maxReceiveCount) {
        return new JobWorker(store, queue, WorkerPolicy.defaults(limits, maxReceiveCount), clock, Metrics.NONE);
    }
}
