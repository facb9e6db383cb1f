package fiblab.job;

import fiblab.fib.Algorithm;
import java.time.Clock;
import java.time.Duration;

/**
 * Submits jobs: records the job as PENDING first, then sends it to the queue, so that no client is
 * ever told "accepted" for a job that is not durably recorded. If the queue refuses, the job is
 * marked FAILED and the caller learns of it; a retry with the same Idempotency-Key reopens it.
 */
public final class JobSubmission {

    /** errorCode of a job whose message never reached the queue. */
    public static final String QUEUE_UNAVAILABLE = "QUEUE_UNAVAILABLE";

    private final JobStore store;
    private final JobQueue queue;
    private final Clock clock;
    private final Duration timeToLive;

    public JobSubmission(JobStore store, JobQueue queue, Clock clock, Duration timeToLive) {
        this.store = store;
        this.queue = queue;
        this.clock = clock;
        this.timeToLive = timeToLive;
    }

    /** The job as the client should see it, and whether it was an earlier submit's job. */
    public record Submitted(Job job, boolean replayed) {}

    /**
     * @param idempotencyKey null for a plain submit
     * @throws IdempotencyKeyReusedException if the key named a job with another n or algorithm
     * @throws StoreUnavailableException if the job could not be recorded (nothing was queued)
     * @throws QueueUnavailableException if the job was recorded but could not be queued (it is now FAILED)
     */
    public Submitted submit(int n, Algorithm algorithm, String idempotencyKey) {
        String jobId = idempotencyKey == null ? JobIds.random() : JobIds.fromIdempotencyKey(idempotencyKey);
        long now = clock.millis();
        Job job = Job.pending(jobId, n, algorithm, now, idempotencyKey, now / 1000 + timeToLive.toSeconds());
        try {
            store.create(job);
        } catch (JobAlreadyExistsException taken) {
            return replay(jobId, n, algorithm, idempotencyKey, now);
        }
        enqueue(job);
        return new Submitted(job, false);
    }

    private Submitted replay(String jobId, int n, Algorithm algorithm, String idempotencyKey, long now) {
        Job existing = store.find(jobId)
                .orElseThrow(() -> new StoreUnavailableException(
                        "job " + jobId + " was reported to exist but could not be read", null));
        if (!existing.sameRequestAs(n, algorithm)) {
            throw new IdempotencyKeyReusedException(idempotencyKey, existing);
        }
        if (existing.status() == JobStatus.FAILED
                && QUEUE_UNAVAILABLE.equals(existing.errorCode())
                && store.reopen(jobId, QUEUE_UNAVAILABLE, now)) {
            Job reopened = store.find(jobId).orElse(existing);
            enqueue(reopened);
            return new Submitted(reopened, true);
        }
        return new Submitted(existing, true);
    }

    private void enqueue(Job job) {
        try {
            queue.send(JobMessage.of(job));
        } catch (QueueUnavailableException unavailable) {
            try {
                store.fail(
                        job.jobId(),
                        QUEUE_UNAVAILABLE,
                        "the job queue was unavailable when the job was submitted; submit it again",
                        clock.millis());
            } catch (StoreUnavailableException alsoDown) {
                unavailable.addSuppressed(alsoDown);
            }
            throw unavailable;
        }
    }
}
