package fiblab.testing;

import fiblab.job.Job;
import fiblab.job.JobAlreadyExistsException;
import fiblab.job.JobStatus;
import fiblab.job.JobStore;
import fiblab.job.StoreUnavailableException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A {@link JobStore} in a map, with the same conditions as the DynamoDB one, for unit tests of the
 * core; {@code JobStoreContract} runs one behaviour suite against both. It can be switched "down"
 * to act like an unreachable table, fail one call, and it counts result writes.
 */
public final class InMemoryJobStore implements JobStore {

    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final AtomicInteger completions = new AtomicInteger();
    private volatile boolean down;
    private volatile StoreUnavailableException nextFailure;
    private volatile boolean refuseNextCreateAfterCommit;
    private volatile Consumer<String> afterEachClaim = jobId -> {};
    private volatile Consumer<String> beforeEachComplete = jobId -> {};

    public void goDown() {
        down = true;
    }

    public void comeBack() {
        down = false;
    }

    /** The next call fails with {@code failure}, as a table that answers one request with an error. */
    public void failNextWith(StoreUnavailableException failure) {
        nextFailure = failure;
    }

    /**
     * The next create writes the job and then answers "already exists", as DynamoDB does to a
     * PutItem the SDK retried after the first attempt had committed.
     */
    public void commitThenRefuseNextCreate() {
        refuseNextCreateAfterCommit = true;
    }

    /** Runs {@code hook} with the job id after each claim, outside the store's lock, so it may wait for other threads. */
    public void afterEachClaim(Consumer<String> hook) {
        afterEachClaim = hook;
    }

    /**
     * Runs {@code hook} with the job id before each result write, outside the store's lock: it may
     * wait for other threads, or throw as a write the table refused.
     */
    public void beforeEachComplete(Consumer<String> hook) {
        beforeEachComplete = hook;
    }

    public int completions() {
        return completions.get();
    }

    public int size() {
        return jobs.size();
    }

    public void put(Job job) {
        jobs.put(job.jobId(), job);
    }

    public Job get(String jobId) {
        return jobs.get(jobId);
    }

    @Override
    public synchronized void create(Job job) {
        checkUp();
        if (jobs.putIfAbsent(job.jobId(), job) != null) {
            throw new JobAlreadyExistsException(job.jobId());
        }
        if (refuseNextCreateAfterCommit) {
            refuseNextCreateAfterCommit = false;
            throw new JobAlreadyExistsException(job.jobId());
        }
    }

    @Override
    public Optional<Job> find(String jobId) {
        checkUp();
        return Optional.ofNullable(jobs.get(jobId));
    }

    @Override
    public Optional<Job> findEventually(String jobId) {
        return find(jobId);
    }

    @Override
    public Optional<Job> claim(String jobId, long now, long leaseUntil) {
        Optional<Job> claimed = claimLocked(jobId, now, leaseUntil);
        afterEachClaim.accept(jobId);
        return claimed;
    }

    private synchronized Optional<Job> claimLocked(String jobId, long now, long leaseUntil) {
        boolean claimed = write(
                jobId,
                job -> job.status() == JobStatus.PENDING || job.status() == JobStatus.RUNNING && leasedBefore(job, now),
                job -> new Job(
                        job.jobId(),
                        job.n(),
                        job.algorithm(),
                        JobStatus.RUNNING,
                        null,
                        null,
                        null,
                        job.submittedAt(),
                        job.startedAt() == null ? now : job.startedAt(),
                        null,
                        null,
                        job.attempts() + 1,
                        job.idempotencyKey(),
                        leaseUntil,
                        job.expiresAt(),
                        job.queuedAt()));
        return claimed ? Optional.of(jobs.get(jobId)) : Optional.empty();
    }

    @Override
    public boolean complete(String jobId, int attempt, String value, long computeMicros, long completedAt) {
        beforeEachComplete.accept(jobId);
        return completeLocked(jobId, attempt, value, computeMicros, completedAt);
    }

    private synchronized boolean completeLocked(
            String jobId, int attempt, String value, long computeMicros, long completedAt) {
        boolean stored = write(
                jobId,
                job -> job.status() == JobStatus.RUNNING && job.attempts() == attempt,
                job -> ended(job, JobStatus.DONE, value, null, null, completedAt, computeMicros));
        if (stored) {
            completions.incrementAndGet();
        }
        return stored;
    }

    @Override
    public synchronized boolean fail(String jobId, int attempt, String errorCode, String error, long completedAt) {
        return write(
                jobId,
                job -> !job.status().isTerminal() && job.attempts() == attempt,
                job -> ended(job, JobStatus.FAILED, null, errorCode, error, completedAt, null));
    }

    @Override
    public synchronized boolean reopen(String jobId, String errorCode, long now, long expiresAt) {
        return write(
                jobId,
                job -> job.status() == JobStatus.FAILED && errorCode.equals(job.errorCode()),
                job -> new Job(
                        job.jobId(),
                        job.n(),
                        job.algorithm(),
                        JobStatus.PENDING,
                        null,
                        null,
                        null,
                        now,
                        null,
                        null,
                        null,
                        job.attempts(),
                        job.idempotencyKey(),
                        null,
                        expiresAt,
                        now));
    }

    @Override
    public synchronized boolean requeue(String jobId, long now, long staleBefore) {
        return write(
                jobId,
                job -> (job.status() == JobStatus.PENDING
                                || job.status() == JobStatus.RUNNING && leasedBefore(job, staleBefore))
                        && (job.queuedAt() == null || job.queuedAt() < staleBefore),
                job -> new Job(
                        job.jobId(),
                        job.n(),
                        job.algorithm(),
                        job.status(),
                        job.value(),
                        job.errorCode(),
                        job.error(),
                        job.submittedAt(),
                        job.startedAt(),
                        job.completedAt(),
                        job.computeMicros(),
                        job.attempts(),
                        job.idempotencyKey(),
                        job.leaseUntil(),
                        job.expiresAt(),
                        now));
    }

    /**
     * A conditional write, as DynamoDB's: if the stored job exists and meets {@code condition}, it
     * is replaced by {@code change} of it and the answer is true; otherwise nothing changes.
     */
    private synchronized boolean write(String jobId, Predicate<Job> condition, UnaryOperator<Job> change) {
        checkUp();
        Job job = jobs.get(jobId);
        if (job == null || !condition.test(job)) {
            return false;
        }
        jobs.put(jobId, change.apply(job));
        return true;
    }

    private static boolean leasedBefore(Job job, long time) {
        return job.leaseUntil() != null && job.leaseUntil() < time;
    }

    /** The job as a result write leaves it: in its final status, its lease removed. */
    private static Job ended(
            Job job,
            JobStatus status,
            String value,
            String errorCode,
            String error,
            long completedAt,
            Long computeMicros) {
        return new Job(
                job.jobId(),
                job.n(),
                job.algorithm(),
                status,
                value,
                errorCode,
                error,
                job.submittedAt(),
                job.startedAt(),
                completedAt,
                computeMicros,
                job.attempts(),
                job.idempotencyKey(),
                null,
                job.expiresAt(),
                job.queuedAt());
    }

    private void checkUp() {
        StoreUnavailableException failure = nextFailure;
        if (failure != null) {
            nextFailure = null;
            throw failure;
        }
        if (down) {
            throw new StoreUnavailableException("the in-memory table is down", null);
        }
    }
}
