package fiblab.job;

import java.util.Optional;

/**
 * Durable job state. Every state change is a conditional write, so that concurrent or repeated
 * deliveries can never store a second result or move a finished job backwards. Implementations
 * throw {@link StoreUnavailableException} when the store cannot be reached.
 */
public interface JobStore {

    /** Records a new job; throws {@link JobAlreadyExistsException} if the id is taken. */
    void create(Job job);

    /** Reads a job with a strongly consistent read. */
    Optional<Job> find(String jobId);

    /**
     * Moves a PENDING job, or a RUNNING one whose lease has expired, to RUNNING with one more
     * attempt and a lease until {@code leaseUntil}. Empty when the job is in any other state.
     */
    Optional<Job> claim(String jobId, long now, long leaseUntil);

    /** Stores the result if the job is still RUNNING under {@code attempt}; false otherwise. */
    boolean complete(String jobId, int attempt, String value, long computeMicros, long completedAt);

    /** Marks a PENDING or RUNNING job FAILED with a reason; false if it was already finished. */
    boolean fail(String jobId, String errorCode, String error, long completedAt);

    /** Puts a job that FAILED with {@code errorCode} back to PENDING (a retried submit); false otherwise. */
    boolean reopen(String jobId, String errorCode, long now);
}
