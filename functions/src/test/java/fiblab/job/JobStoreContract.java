package fiblab.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fiblab.fib.Algorithm;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link JobStore} must do, as one suite: the in-memory fake the core's tests use and
 * the DynamoDB adapter on a real dynalite ({@code DynamoDbJobStoreIT} in local/) both extend it,
 * so the fake cannot drift from the real adapter.
 */
public abstract class JobStoreContract {

    protected static final long NOW = 1_795_649_400_000L;
    private static final long TTL = NOW / 1000 + 7 * 86_400;

    /** The store under test; jobs get fresh random ids, so one store may serve every test. */
    protected abstract JobStore store();

    private String newJob() {
        return newJob(null);
    }

    private String newJob(String idempotencyKey) {
        String jobId = UUID.randomUUID().toString();
        store().create(Job.pending(jobId, 30, Algorithm.NAIVE, NOW, idempotencyKey, TTL));
        return jobId;
    }

    private Job read(String jobId) {
        return store().find(jobId).orElseThrow();
    }

    @Test
    void create_shouldRecordThePendingJob_readableBothWays() {
        String jobId = newJob("key-1");

        Job job = read(jobId);
        assertThat(job).isEqualTo(Job.pending(jobId, 30, Algorithm.NAIVE, NOW, "key-1", TTL));
        assertThat(job.queuedAt()).isEqualTo(NOW);
        assertThat(store().findEventually(jobId)).contains(job);
        assertThat(store().find(UUID.randomUUID().toString())).isEmpty();
    }

    @Test
    void create_shouldRefuseATakenId() {
        String jobId = newJob();

        assertThatThrownBy(() -> store().create(Job.pending(jobId, 31, Algorithm.FAST, NOW + 1, null, TTL)))
                .isInstanceOf(JobAlreadyExistsException.class);
        assertThat(read(jobId).n()).isEqualTo(30);
    }

    @Test
    void claim_shouldMovePendingToRunning_withOneMoreAttemptAndALease() {
        String jobId = newJob();

        Optional<Job> claimed = store().claim(jobId, NOW + 10, NOW + 5_000);

        assertThat(claimed).isPresent();
        Job job = read(jobId);
        assertThat(claimed.get()).isEqualTo(job);
        assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(job.attempts()).isEqualTo(1);
        assertThat(job.startedAt()).isEqualTo(NOW + 10);
        assertThat(job.leaseUntil()).isEqualTo(NOW + 5_000);
    }

    @Test
    void claim_shouldBeRefused_whileAnotherClaimsLeaseIsLive() {
        String jobId = newJob();
        store().claim(jobId, NOW, NOW + 5_000);

        assertThat(store().claim(jobId, NOW + 4_999, NOW + 10_000)).isEmpty();
        assertThat(read(jobId).attempts()).isEqualTo(1);
    }

    @Test
    void claim_shouldTakeOver_whenTheLeaseExpired_keepingTheFirstStart() {
        String jobId = newJob();
        store().claim(jobId, NOW, NOW + 5_000);

        Optional<Job> second = store().claim(jobId, NOW + 5_001, NOW + 20_000);

        assertThat(second).isPresent();
        assertThat(second.get().attempts()).isEqualTo(2);
        assertThat(second.get().startedAt()).isEqualTo(NOW);
        assertThat(second.get().leaseUntil()).isEqualTo(NOW + 20_000);
    }

    @Test
    void complete_shouldStoreTheResult_onlyForTheCurrentAttempt() {
        String jobId = newJob();
        store().claim(jobId, NOW, NOW + 1_000);
        store().claim(jobId, NOW + 2_000, NOW + 9_000);

        boolean stale = store().complete(jobId, 1, "999", 5, NOW + 3_000);
        boolean current = store().complete(jobId, 2, "832040", 7, NOW + 4_000);

        assertThat(stale).as("the stale attempt is fenced off").isFalse();
        assertThat(current).isTrue();
        Job job = read(jobId);
        assertThat(job.status()).isEqualTo(JobStatus.DONE);
        assertThat(job.value()).isEqualTo("832040");
        assertThat(job.computeMicros()).isEqualTo(7);
        assertThat(job.completedAt()).isEqualTo(NOW + 4_000);
        assertThat(job.leaseUntil()).isNull();
    }

    @Test
    void doneJob_shouldNeverMoveBackwards() {
        String jobId = newJob();
        store().claim(jobId, NOW, NOW + 1_000);
        store().complete(jobId, 1, "832040", 7, NOW + 500);

        assertThat(store().complete(jobId, 1, "other", 1, NOW + 600)).isFalse();
        assertThat(store().fail(jobId, 1, "X", "late", NOW + 600)).isFalse();
        assertThat(store().claim(jobId, NOW + 10_000, NOW + 20_000)).isEmpty();
        assertThat(store().reopen(jobId, "X", NOW + 700, TTL)).isFalse();
        assertThat(store().requeue(jobId, NOW + 10_000_000, NOW + 9_000_000)).isFalse();
        assertThat(read(jobId).value()).isEqualTo("832040");
        assertThat(read(jobId).status()).isEqualTo(JobStatus.DONE);
    }

    @Test
    void fail_shouldBeFencedByTheAttempt() {
        String jobId = newJob();
        store().claim(jobId, NOW, NOW + 1_000);
        store().claim(jobId, NOW + 2_000, NOW + 60_000);

        boolean stale = store().fail(jobId, 1, JobWorker.GAVE_UP, "stale give-up", NOW + 3_000);

        assertThat(stale)
                .as("a delivery that lost its claim cannot fail the job")
                .isFalse();
        assertThat(read(jobId).status()).isEqualTo(JobStatus.RUNNING);
        assertThat(store().fail(jobId, 2, JobWorker.GAVE_UP, "gave up", NOW + 4_000))
                .isTrue();
        Job job = read(jobId);
        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.errorCode()).isEqualTo(JobWorker.GAVE_UP);
        assertThat(job.error()).isEqualTo("gave up");
        assertThat(job.completedAt()).isEqualTo(NOW + 4_000);
        assertThat(job.leaseUntil()).isNull();
    }

    @Test
    void fail_shouldMarkAPendingJob_atAttemptZero() {
        String jobId = newJob();

        assertThat(store().fail(jobId, 0, JobSubmission.QUEUE_UNAVAILABLE, "queue down", NOW + 1))
                .isTrue();
        assertThat(store().fail(jobId, 0, "OTHER", "again", NOW + 2)).isFalse();
        assertThat(read(jobId).errorCode()).isEqualTo(JobSubmission.QUEUE_UNAVAILABLE);
    }

    @Test
    void reopen_shouldReopenOnlyTheNamedFailure_andRefreshTheTtl() {
        String jobId = newJob();
        store().fail(jobId, 0, JobSubmission.QUEUE_UNAVAILABLE, "queue down", NOW + 1);

        assertThat(store().reopen(jobId, JobWorker.POISON_MESSAGE, NOW + 5_000, TTL + 5))
                .isFalse();
        assertThat(store().reopen(jobId, JobSubmission.QUEUE_UNAVAILABLE, NOW + 5_000, TTL + 5))
                .isTrue();

        Job job = read(jobId);
        assertThat(job.status()).isEqualTo(JobStatus.PENDING);
        assertThat(job.submittedAt()).isEqualTo(NOW + 5_000);
        assertThat(job.queuedAt()).isEqualTo(NOW + 5_000);
        assertThat(job.expiresAt()).isEqualTo(TTL + 5);
        assertThat(job.errorCode()).isNull();
        assertThat(job.error()).isNull();
        assertThat(job.completedAt()).isNull();
    }

    @Test
    void redrive_shouldReopenAGivenUpJob_forANewClaimThatFencesTheOldOne() {
        String jobId = newJob();
        store().claim(jobId, NOW, NOW + 1_000);
        store().fail(jobId, 1, JobWorker.GAVE_UP, "gave up", NOW + 2_000);

        assertThat(store().reopen(jobId, JobWorker.GAVE_UP, NOW + 60_000, TTL + 60))
                .isTrue();
        Optional<Job> reclaimed = store().claim(jobId, NOW + 60_001, NOW + 70_000);

        assertThat(reclaimed).isPresent();
        assertThat(reclaimed.get().attempts()).isEqualTo(2);
        assertThat(store().complete(jobId, 1, "stale", 1, NOW + 60_002)).isFalse();
        assertThat(store().complete(jobId, 2, "832040", 1, NOW + 60_003)).isTrue();
    }

    @Test
    void redrive_shouldStartTheReopenedJobAfresh_soItNeverStartsBeforeItWasSubmitted() {
        // Given a job that ran, gave up, and was redriven a minute later
        String jobId = newJob();
        store().claim(jobId, NOW + 100, NOW + 1_000);
        store().fail(jobId, 1, JobWorker.GAVE_UP, "gave up", NOW + 2_000);
        assertThat(store().reopen(jobId, JobWorker.GAVE_UP, NOW + 60_000, TTL + 60))
                .isTrue();

        // When the redriven message claims it
        Job reclaimed = store().claim(jobId, NOW + 60_500, NOW + 70_000).orElseThrow();

        // Then its start follows its new submit (GET /jobs would show queueMillis = 500, not negative)
        assertThat(reclaimed.submittedAt()).isEqualTo(NOW + 60_000);
        assertThat(reclaimed.startedAt()).isEqualTo(NOW + 60_500);
        assertThat(read(jobId).startedAt()).isEqualTo(NOW + 60_500);
    }

    @Test
    void requeue_shouldLetOneCallerPerPeriodResendAStrandedPendingJob() {
        String jobId = newJob();

        assertThat(store().requeue(jobId, NOW + 1_000, NOW - 60_000))
                .as("queued just now: not stranded")
                .isFalse();
        assertThat(store().requeue(jobId, NOW + 61_000, NOW + 1_000)).isTrue();
        assertThat(read(jobId).queuedAt()).isEqualTo(NOW + 61_000);
        assertThat(store().requeue(jobId, NOW + 61_001, NOW + 1_001))
                .as("a second caller in the same period")
                .isFalse();
        assertThat(read(jobId).status()).isEqualTo(JobStatus.PENDING);
    }

    @Test
    void requeue_shouldResendARunningJob_onlyOnceItsLeaseHasLongEnded() {
        String jobId = newJob();
        store().claim(jobId, NOW, NOW + 30_000);

        assertThat(store().requeue(jobId, NOW + 50_000, NOW + 20_000))
                .as("lease still live at the stale mark")
                .isFalse();
        assertThat(store().requeue(jobId, NOW + 100_000, NOW + 40_000)).isTrue();
        Job job = read(jobId);
        assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(job.attempts()).isEqualTo(1);
    }

    @Test
    void unknownJob_shouldChangeNothing() {
        String jobId = UUID.randomUUID().toString();

        assertThat(store().claim(jobId, NOW, NOW + 1)).isEmpty();
        assertThat(store().complete(jobId, 1, "1", 1, NOW)).isFalse();
        assertThat(store().fail(jobId, 0, "X", "x", NOW)).isFalse();
        assertThat(store().reopen(jobId, "X", NOW, TTL)).isFalse();
        assertThat(store().requeue(jobId, NOW, NOW)).isFalse();
        assertThat(store().find(jobId)).isEmpty();
    }
}
