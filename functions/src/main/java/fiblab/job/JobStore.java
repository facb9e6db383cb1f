package fiblab.job;

import java.util.Optional;

/**
 * Durable job state. Every state change is a conditional write, so that concurrent or repeated
 * deliveries can never store a second result or move a finished job backwards; the claim's attempt
 * number fences every later write of that claim. Implementations throw
 * {@link StoreUnavailableException} when the store cannot be reached.
 */
public interface JobStore {

    /** Records a new job; throws {@link JobAlreadyExistsException} if the id is taken. */
    void create(Job job);

    /** Reads a job with a strongly consistent read. */
    Optional<Job> find(String jobId);

    /**
     * Reads a job with an eventually consistent read (half the price): it may be a moment behind
     * the last write, and may miss a job created a moment ago. For status polls, where a stale
     * answer only means the client polls once more.
     */
    Optional<Job> findEventually(String jobId);

    /**
     * Moves a PENDING job, or a RUNNING one whose lease has expired, to RUNNING with one more
     * attempt and a lease until {@code leaseUntil}. Empty when the job is in any other state.
     */
    Optional<Job> claim(String jobId, long now, long leaseUntil);

    /** Stores the result if the job is still RUNNING under {@code attempt}; false otherwise. */
    boolean complete(String jobId, int attempt, String value, long computeMicros, long completedAt);

    /**
     * Marks a PENDING or RUNNING job FAILED with a reason, only if its attempt counter still reads
     * {@code attempt} (a delivery that lost its claim to a later one cannot fail the job); false
     * otherwise.
     */
    boolean fail(String jobId, int attempt, String errorCode, String error, long completedAt);

    /**
     * Puts a job that FAILED with {@code errorCode} back to PENDING (a retried submit, a redriven
     * message), submitted again at {@code now} and living until {@code expiresAt}, with no start
     * recorded (the next claim starts it afresh, so it never reads as started before it was
     * submitted); false otherwise.
     */
    boolean reopen(String jobId, String errorCode, long now, long expiresAt);

    /**
     * Stamps a job as queued again at {@code now} if it looks stranded: PENDING, or RUNNING with a
     * lease that ended before {@code staleBefore}, and not queued since {@code staleBefore}. True
     * means the caller won the right to send its message again; at most one caller wins per period.
     */
    boolean requeue(String jobId, long now, long staleBefore);
}
