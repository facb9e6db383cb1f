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
    public synchronized Optional<Job> claim(String jobId, long now, long leaseUntil) {
        checkUp();
        Job job = jobs.get(jobId);
        if (job == null
                || !(job.status() == JobStatus.PENDING
                        || job.status() == JobStatus.RUNNING && job.leaseUntil() != null && job.leaseUntil() < now)) {
            return Optional.empty();
        }
        Job claimed = new Job(
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
                job.queuedAt());
        jobs.put(jobId, claimed);
        return Optional.of(claimed);
    }

    @Override
    public synchronized boolean complete(
            String jobId, int attempt, String value, long computeMicros, long completedAt) {
        checkUp();
        Job job = jobs.get(jobId);
        if (job == null || job.status() != JobStatus.RUNNING || job.attempts() != attempt) {
            return false;
        }
        jobs.put(
                jobId,
                new Job(
                        jobId,
                        job.n(),
                        job.algorithm(),
                        JobStatus.DONE,
                        value,
                        null,
                        null,
                        job.submittedAt(),
                        job.startedAt(),
                        completedAt,
                        computeMicros,
                        job.attempts(),
                        job.idempotencyKey(),
                        null,
                        job.expiresAt(),
                        job.queuedAt()));
        completions.incrementAndGet();
        return true;
    }

    @Override
    public synchronized boolean fail(String jobId, int attempt, String errorCode, String error, long completedAt) {
        checkUp();
        Job job = jobs.get(jobId);
        if (job == null || job.status().isTerminal() || job.attempts() != attempt) {
            return false;
        }
        jobs.put(
                jobId,
                new Job(
                        jobId,
                        job.n(),
                        job.algorithm(),
                        JobStatus.FAILED,
                        null,
                        errorCode,
                        error,
                        job.submittedAt(),
                        job.startedAt(),
                        completedAt,
                        null,
                        job.attempts(),
                        job.idempotencyKey(),
                        null,
                        job.expiresAt(),
                        job.queuedAt()));
        return true;
    }

    @Override
    public synchronized boolean reopen(String jobId, String errorCode, long now, long expiresAt) {
        checkUp();
        Job job = jobs.get(jobId);
        if (job == null || job.status() != JobStatus.FAILED || !errorCode.equals(job.errorCode())) {
            return false;
        }
        jobs.put(
                jobId,
                new Job(
                        jobId,
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
        return true;
    }

    @Override
    public synchronized boolean requeue(String jobId, long now, long staleBefore) {
        checkUp();
        Job job = jobs.get(jobId);
        boolean stranded = job != null
                && (job.status() == JobStatus.PENDING
                        || job.status() == JobStatus.RUNNING
                                && job.leaseUntil() != null
                                && job.leaseUntil() < staleBefore)
                && (job.queuedAt() == null || job.queuedAt() < staleBefore);
        if (!stranded) {
            return false;
        }
        jobs.put(
                jobId,
                new Job(
                        jobId,
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
        return true;
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
