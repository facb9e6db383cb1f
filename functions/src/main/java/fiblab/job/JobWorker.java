package fiblab.job;

import fiblab.config.Limits;
import fiblab.fib.Computation;
import fiblab.fib.Deadline;
import fiblab.observe.Metrics;
import java.time.Clock;
import java.util.Optional;

/**
 * Processes one queued message. SQS delivers at least once, so every step is safe to repeat:
 * the claim, the result and the failure are conditional writes, and the attempt number fences
 * off a slower earlier claim. A message that can never succeed is poison: its job is marked
 * FAILED with the reason at once, and the message keeps failing until SQS moves it to the DLQ.
 */
public final class JobWorker {

    /** Time kept back from the computation for storing its result. */
    static final long WRITE_RESERVE_MILLIS = 1_000;

    public static final String POISON_MESSAGE = "POISON_MESSAGE";
    public static final String GAVE_UP = "GAVE_UP";

    private final JobStore store;
    private final Limits limits;
    private final Clock clock;
    private final int maxReceiveCount;
    private final Metrics metrics;

    public JobWorker(JobStore store, Limits limits, Clock clock, int maxReceiveCount, Metrics metrics) {
        this.store = store;
        this.limits = limits;
        this.clock = clock;
        this.maxReceiveCount = maxReceiveCount;
        this.metrics = metrics;
    }

    /**
     * @param receiveCount    SQS's ApproximateReceiveCount for this delivery
     * @param remainingMillis time left in this invocation
     */
    public WorkerOutcome process(String body, int receiveCount, long remainingMillis) {
        JobMessage message;
        try {
            message = validated(JobMessageCodec.read(body));
        } catch (PoisonMessageException poison) {
            if (poison.jobId() != null) {
                failQuietly(
                        poison.jobId(),
                        POISON_MESSAGE,
                        "the job's message cannot be processed: " + poison.getMessage());
            }
            return new WorkerOutcome(WorkerOutcome.Kind.POISON, poison.jobId(), poison.getMessage());
        }
        try {
            return run(message, receiveCount, remainingMillis);
        } catch (RuntimeException failure) {
            String reason = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
            giveUpIfLastDelivery(message.jobId(), receiveCount, reason);
            return new WorkerOutcome(WorkerOutcome.Kind.RETRY, message.jobId(), reason);
        }
    }

    private JobMessage validated(JobMessage message) {
        int max = limits.asyncMax(message.algorithm());
        if (message.n() > max) {
            throw new PoisonMessageException(
                    message.jobId(),
                    "n=" + message.n() + " is above this worker's limit of " + max + " for algorithm="
                            + message.algorithm().wireName());
        }
        return message;
    }

    private WorkerOutcome run(JobMessage message, int receiveCount, long remainingMillis) {
        String jobId = message.jobId();
        long budget = remainingMillis - WRITE_RESERVE_MILLIS;
        if (budget <= 0) {
            return new WorkerOutcome(WorkerOutcome.Kind.RETRY, jobId, "no time was left in this invocation");
        }
        long now = clock.millis();
        Optional<Job> claimed = store.claim(jobId, now, now + remainingMillis);
        if (claimed.isEmpty()) {
            return notClaimed(jobId);
        }
        Job job = claimed.get();
        if (job.attempts() == 1) {
            metrics.waited(job.queueMillis());
        }
        // The table, not the message, says what to compute: a message is only a pointer to its job.
        Computation result = Computation.run(job.algorithm(), job.n(), Deadline.inMillis(budget));
        metrics.computed("async", job.algorithm(), result.computeMicros());
        boolean stored = store.complete(
                jobId, job.attempts(), result.value().toString(), result.computeMicros(), clock.millis());
        return stored
                ? new WorkerOutcome(
                        WorkerOutcome.Kind.COMPLETED, jobId, "computed in " + result.computeMicros() + " us")
                : new WorkerOutcome(
                        WorkerOutcome.Kind.ALREADY_FINISHED, jobId, "another delivery stored the result first");
    }

    private WorkerOutcome notClaimed(String jobId) {
        Optional<Job> current = store.find(jobId);
        if (current.isEmpty()) {
            return new WorkerOutcome(WorkerOutcome.Kind.POISON, jobId, "no job " + jobId + " is recorded");
        }
        Job job = current.get();
        if (job.status().isTerminal()) {
            return new WorkerOutcome(WorkerOutcome.Kind.ALREADY_FINISHED, jobId, "the job is already " + job.status());
        }
        // Another delivery of the same message holds a live lease: let it finish, look again later.
        return new WorkerOutcome(
                WorkerOutcome.Kind.RETRY,
                jobId,
                "another delivery is computing this job (status " + job.status() + ")");
    }

    private void giveUpIfLastDelivery(String jobId, int receiveCount, String reason) {
        if (receiveCount >= maxReceiveCount) {
            failQuietly(jobId, GAVE_UP, "gave up after " + receiveCount + " deliveries: " + reason);
        }
    }

    private void failQuietly(String jobId, String code, String reason) {
        try {
            store.fail(jobId, code, reason, clock.millis());
        } catch (StoreUnavailableException unavailable) {
            // The message still fails; the next delivery, or the DLQ's operator, sees it again.
        }
    }
}
