package fiblab.job;

import fiblab.admission.BacklogGauge;
import fiblab.fib.Algorithm;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Submits jobs: records the job as PENDING first, then sends it to the queue, so that no client is
 * ever told "accepted" for a job that is not durably recorded. If the queue refuses, the job is
 * marked FAILED and the caller learns of it; a retry with the same Idempotency-Key reopens it.
 *
 * <p>A PutItem that the SDK retried after it had committed is refused as a duplicate; when the
 * stored record is exactly the one this call wrote, the job is this call's and its message is sent
 * at once. A submit can still die between the record and the send (the invocation is killed).
 * Such a job is repaired when anyone looks at it: a retried submit or a status read that finds it
 * PENDING (or RUNNING on a lease that ended), not queued for {@code replayAfter}, while the queue
 * holds no waiting message, sends its message again. The stamp that records the send is a conditional write, so one caller per period
 * sends; a duplicate message is absorbed by the worker's claim.
 *
 * @param backlog the queue's waiting messages (the same gauge admission reads): a look replays a
 *     job only when it reads 0, since while messages wait the job's own may simply be among them
 */
public record JobSubmission(
        JobStore store, JobQueue queue, BacklogGauge backlog, Clock clock, Duration timeToLive, Duration replayAfter) {

    /** errorCode of a job whose message never reached the queue. */
    public static final String QUEUE_UNAVAILABLE = "QUEUE_UNAVAILABLE";

    /** How long a job may sit unqueued-looking before a look at it sends its message again. */
    public static final Duration DEFAULT_REPLAY_AFTER = Duration.ofSeconds(60);

    /** For tests and hosts without a queue to measure: the backlog always reads empty. */
    public JobSubmission(JobStore store, JobQueue queue, Clock clock, Duration timeToLive) {
        this(store, queue, () -> OptionalLong.of(0), clock, timeToLive, DEFAULT_REPLAY_AFTER);
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
        Job job = Job.pending(jobId, n, algorithm, now, idempotencyKey, expiresAt(now));
        try {
            store.create(job);
        } catch (JobAlreadyExistsException taken) {
            if (idempotencyKey == null) {
                // A random id cannot be taken by anyone else: the SDK retried a write that had committed.
                enqueue(job);
                return new Submitted(job, false);
            }
            return replay(job, now);
        }
        enqueue(job);
        return new Submitted(job, false);
    }

    /**
     * A job as a status read shows it: eventually consistent (a stale PENDING only means one more
     * poll), falling back to a consistent read before answering "no such job". A job that looks
     * stranded has its message sent again.
     */
    public Optional<Job> status(String jobId) {
        Optional<Job> job = store.findEventually(jobId).or(() -> store.find(jobId));
        job.ifPresent(found -> {
            try {
                resendIfStranded(found);
            } catch (StoreUnavailableException | QueueUnavailableException notNow) {
                // The read still answers; the next poll tries again.
            }
        });
        return job;
    }

    private long expiresAt(long now) {
        return now / 1000 + timeToLive.toSeconds();
    }

    private Submitted replay(Job job, long now) {
        String jobId = job.jobId();
        Job existing = store.find(jobId)
                .orElseThrow(() -> new StoreUnavailableException(
                        "job " + jobId + " was reported to exist but could not be read", null));
        if (!existing.sameRequestAs(job.n(), job.algorithm())) {
            throw new IdempotencyKeyReusedException(job.idempotencyKey(), existing);
        }
        if (existing.equals(job)) {
            // The stored record is, field for field, the one this call wrote (same key, same
            // submittedAt to the millisecond, untouched since): the SDK retried a PutItem that had
            // committed. It is this call's job and its message is not sent yet. (Two submits with
            // one key in the same millisecond would both send; the worker's claim absorbs the copy.)
            enqueue(job);
            return new Submitted(job, false);
        }
        if (existing.status() == JobStatus.FAILED
                && QUEUE_UNAVAILABLE.equals(existing.errorCode())
                && store.reopen(jobId, QUEUE_UNAVAILABLE, now, expiresAt(now))) {
            Job reopened = store.find(jobId).orElse(existing);
            enqueue(reopened);
            return new Submitted(reopened, true);
        }
        resendIfStranded(existing);
        return new Submitted(existing, true);
    }

    private void resendIfStranded(Job job) {
        long now = clock.millis();
        long staleBefore = now - replayAfter.toMillis();
        boolean looksStranded = job.lastQueuedAt() < staleBefore
                && (job.status() == JobStatus.PENDING
                        || job.status() == JobStatus.RUNNING
                                && job.leaseUntil() != null
                                && job.leaseUntil() < staleBefore);
        if (looksStranded && queueEmpty() && store.requeue(job.jobId(), now, staleBefore)) {
            queue.send(JobMessage.of(job));
        }
    }

    /**
     * A job's message can only be lost for sure when no message waits: while some do, its own may
     * be among them (a deep backlog takes far longer than {@code replayAfter} to drain), and a copy
     * per look would only deepen it. An unreadable backlog counts as not empty: a queue that cannot
     * be read can likely not be sent to either, and the next look, once it reads 0, sends.
     */
    private boolean queueEmpty() {
        return backlog.waitingMessages().orElse(1) == 0;
    }

    private void enqueue(Job job) {
        try {
            queue.send(JobMessage.of(job));
        } catch (QueueUnavailableException unavailable) {
            try {
                store.fail(
                        job.jobId(),
                        job.attempts(),
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
