package fiblab.job;

import static org.assertj.core.api.Assertions.assertThat;

import fiblab.fib.Algorithm;
import fiblab.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JobWorkerTest {

    private static final long PLENTY_OF_TIME = 60_000;

    private final Fixtures fixtures = new Fixtures();
    private final JobWorker worker = fixtures.worker(3);

    private String submit(int n, Algorithm algorithm) {
        return fixtures.submission().submit(n, algorithm, null).job().jobId();
    }

    /**
     * A queue message written by hand rather than by the codec, so that it can say what a real
     * submission never would (an unknown algorithm, an n above the limit, an n the table does not hold).
     */
    private static String handWrittenMessage(String jobId, int n, String algorithm) {
        return "{\"jobId\":\"" + jobId + "\",\"n\":" + n + ",\"algorithm\":\"" + algorithm + "\",\"submittedAt\":1}";
    }

    private String messageFor(String jobId) {
        return JobMessageCodec.write(JobMessage.of(fixtures.store.get(jobId)));
    }

    /** The stored job, after asserting that it ended FAILED with {@code errorCode}. */
    private Job failedWith(String jobId, String errorCode) {
        Job job = fixtures.store.get(jobId);
        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.errorCode()).isEqualTo(errorCode);
        return job;
    }

    @Test
    void process_shouldStoreValueAndTimings_whenJobIsPending() {
        String jobId = submit(25, Algorithm.NAIVE);
        fixtures.clock.advanceMillis(40);

        WorkerOutcome outcome = worker.process(messageFor(jobId), 1, PLENTY_OF_TIME);

        assertThat(outcome.kind()).isEqualTo(WorkerOutcome.Kind.COMPLETED);
        assertThat(outcome.acknowledged()).isTrue();
        Job job = fixtures.store.get(jobId);
        assertThat(job.status()).isEqualTo(JobStatus.DONE);
        assertThat(job.value()).isEqualTo("75025");
        assertThat(job.queueMillis()).isEqualTo(40);
        assertThat(job.attempts()).isEqualTo(1);
        assertThat(job.computeMicros()).isNotNull();
    }

    @Test
    void process_shouldDoNothing_whenTheSameMessageIsDeliveredAgain() {
        String jobId = submit(20, Algorithm.NAIVE);
        String message = messageFor(jobId);
        worker.process(message, 1, PLENTY_OF_TIME);
        Job done = fixtures.store.get(jobId);

        WorkerOutcome duplicate = worker.process(message, 2, PLENTY_OF_TIME);

        assertThat(duplicate.kind()).isEqualTo(WorkerOutcome.Kind.ALREADY_FINISHED);
        assertThat(duplicate.acknowledged()).isTrue();
        assertThat(fixtures.store.get(jobId)).isEqualTo(done);
        assertThat(fixtures.store.completions()).isOne();
    }

    @Test
    void process_shouldRetry_whenAnotherDeliveryHoldsALiveLease() {
        String jobId = submit(20, Algorithm.NAIVE);
        fixtures.store.claim(jobId, Fixtures.NOW, Fixtures.NOW + 30_000);

        WorkerOutcome outcome = worker.process(messageFor(jobId), 3, PLENTY_OF_TIME);

        assertThat(outcome.kind()).isEqualTo(WorkerOutcome.Kind.RETRY);
        assertThat(fixtures.store.get(jobId).status())
                .as("a live lease is not given up on")
                .isEqualTo(JobStatus.RUNNING);
    }

    @Test
    void process_shouldTakeOverAndFenceOffTheOldClaim_whenItsLeaseExpired() {
        String jobId = submit(20, Algorithm.NAIVE);
        Job stale =
                fixtures.store.claim(jobId, Fixtures.NOW, Fixtures.NOW + 1_000).orElseThrow();
        fixtures.clock.advanceMillis(5_000);

        WorkerOutcome outcome = worker.process(messageFor(jobId), 2, PLENTY_OF_TIME);

        // (that the first claim may no longer store a result is the store's part: JobStoreContract)
        assertThat(outcome.kind()).isEqualTo(WorkerOutcome.Kind.COMPLETED);
        assertThat(fixtures.store.get(jobId).attempts()).isEqualTo(stale.attempts() + 1);
        assertThat(fixtures.store.get(jobId).value()).isEqualTo("6765");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "an unknown algorithm, 20, quantum, algorithm",
        "n above the worker's limit, 90, naive, above this worker's limit of 51"
    })
    void process_shouldMarkJobFailedAndFailTheMessage_whenMessageIsPoison(
            String why, int n, String algorithm, String errorSays) {
        String jobId = submit(20, Algorithm.NAIVE);

        WorkerOutcome outcome = worker.process(handWrittenMessage(jobId, n, algorithm), 1, PLENTY_OF_TIME);

        assertThat(outcome.kind()).isEqualTo(WorkerOutcome.Kind.POISON);
        assertThat(outcome.acknowledged())
                .as("poison stays failing until SQS moves it to the DLQ")
                .isFalse();
        Job job = failedWith(jobId, JobWorker.POISON_MESSAGE);
        assertThat(job.error()).contains(errorSays);
    }

    @Test
    void process_shouldFailTheMessage_whenBodyIsNotJson() {
        WorkerOutcome outcome = worker.process("garbage", 1, PLENTY_OF_TIME);

        assertThat(outcome.kind()).isEqualTo(WorkerOutcome.Kind.POISON);
        assertThat(outcome.jobId()).isNull();
    }

    @Test
    void process_shouldRetryThenGiveUpOnLastDelivery_whenTheComputationOverrunsItsTime() {
        // Given a job that cannot finish in the 1.2 s left (1 s is kept for the write)
        String jobId = submit(49, Algorithm.NAIVE);
        String message = messageFor(jobId);

        // When the first delivery runs out of time, the message comes back and the job is not failed yet
        WorkerOutcome first = worker.process(message, 1, 1_200);
        assertThat(first.kind()).isEqualTo(WorkerOutcome.Kind.RETRY);
        assertThat(fixtures.store.get(jobId).status()).isEqualTo(JobStatus.RUNNING);

        // Then on the last delivery allowed by the redrive policy, the job is marked FAILED with the reason
        fixtures.clock.advanceMillis(10_000);
        WorkerOutcome last = worker.process(message, 3, 1_200);
        assertThat(last.kind()).isEqualTo(WorkerOutcome.Kind.RETRY);
        Job job = failedWith(jobId, JobWorker.GAVE_UP);
        assertThat(job.error()).contains("gave up after 3 deliveries").contains("did not finish");
    }

    @Test
    void process_shouldRetryWithoutLosingTheJob_whenTableIsDown() {
        String jobId = submit(20, Algorithm.NAIVE);
        String message = messageFor(jobId);
        fixtures.store.goDown();

        WorkerOutcome whileDown = worker.process(message, 1, PLENTY_OF_TIME);
        fixtures.store.comeBack();
        WorkerOutcome afterwards = worker.process(message, 2, PLENTY_OF_TIME);

        assertThat(whileDown.kind()).isEqualTo(WorkerOutcome.Kind.RETRY);
        assertThat(afterwards.kind()).isEqualTo(WorkerOutcome.Kind.COMPLETED);
        assertThat(fixtures.store.get(jobId).value()).isEqualTo("6765");
    }

    @Test
    void process_shouldRecordGaveUp_whenTheLastDeliveryHasNoTimeLeft() {
        // Given a job whose last allowed delivery arrives with under a second left
        String jobId = submit(20, Algorithm.NAIVE);

        // When
        WorkerOutcome last = worker.process(messageFor(jobId), 3, 500);

        // Then the job does not stay PENDING while its message goes to the DLQ
        assertThat(last.acknowledged()).isFalse();
        failedWith(jobId, JobWorker.GAVE_UP);
    }

    @Test
    void process_shouldQueueAFreshCopy_whenTheTableCannotRecordTheGiveUpOnTheLastDelivery() {
        // Given a job whose last allowed delivery meets a table that cannot take the give-up either
        String jobId = submit(20, Algorithm.NAIVE);
        int sentBefore = fixtures.queue.sent().size();
        fixtures.store.goDown();

        // When
        WorkerOutcome last = worker.process(messageFor(jobId), 3, PLENTY_OF_TIME);

        // Then the delivery is let go only because a fresh copy is queued: the message does not
        // reach the DLQ while its job still reads PENDING with nothing left to end it
        assertThat(last.acknowledged()).isTrue();
        assertThat(fixtures.queue.sent()).hasSize(sentBefore + 1);
        assertThat(fixtures.queue.sent().get(sentBefore).jobId()).isEqualTo(jobId);

        // And once the table is back, the copy (a new message, receive count 1) computes the job
        fixtures.store.comeBack();
        WorkerOutcome copy = worker.process(messageFor(jobId), 1, PLENTY_OF_TIME);
        assertThat(copy.kind()).isEqualTo(WorkerOutcome.Kind.COMPLETED);
        assertThat(fixtures.store.get(jobId).value()).isEqualTo("6765");
    }

    @Test
    void process_shouldLeaveTheMessageToTheDlq_whenNeitherTableNorQueueCanBeReachedOnTheLastDelivery() {
        String jobId = submit(20, Algorithm.NAIVE);
        fixtures.store.goDown();
        fixtures.queue.goDown();

        WorkerOutcome last = worker.process(messageFor(jobId), 3, PLENTY_OF_TIME);

        // Two outages at once: the message goes on to the DLQ, whose alarm asks for a redrive
        assertThat(last.acknowledged()).isFalse();
    }

    @Test
    void process_shouldReopenAndCompute_whenAGivenUpJobsMessageIsRedrivenFromTheDlq() {
        // Given a job that gave up on its last delivery (its message went to the DLQ)
        String jobId = submit(20, Algorithm.NAIVE);
        String message = messageFor(jobId);
        fixtures.store.goDown();
        worker.process(message, 1, PLENTY_OF_TIME);
        fixtures.store.comeBack();
        worker.process(message, 3, 500);
        assertThat(fixtures.store.get(jobId).errorCode()).isEqualTo(JobWorker.GAVE_UP);

        // When an operator moves the message back and it is delivered again (receive count starts over)
        fixtures.clock.advanceMillis(60_000);
        WorkerOutcome redriven = worker.process(message, 1, PLENTY_OF_TIME);

        // Then the job is computed
        assertThat(redriven.kind()).isEqualTo(WorkerOutcome.Kind.COMPLETED);
        Job job = fixtures.store.get(jobId);
        assertThat(job.status()).isEqualTo(JobStatus.DONE);
        assertThat(job.value()).isEqualTo("6765");
        assertThat(job.error()).isNull();
    }

    @Test
    void process_shouldNotReopen_whenAPoisonJobsMessageComesBack() {
        String jobId = submit(20, Algorithm.NAIVE);
        worker.process(handWrittenMessage(jobId, 20, "quantum"), 3, PLENTY_OF_TIME);

        WorkerOutcome again = worker.process(messageFor(jobId), 1, PLENTY_OF_TIME);

        assertThat(again.kind()).isEqualTo(WorkerOutcome.Kind.ALREADY_FINISHED);
        assertThat(fixtures.store.get(jobId).errorCode()).isEqualTo(JobWorker.POISON_MESSAGE);
    }

    @Test
    void process_shouldCheckTheLimitOnTheTablesN_notOnlyTheMessages() {
        // Given a job recorded with n above the worker's limit, and a message that claims a small n
        String jobId = "6c1f0a9e-2b3d-4c5e-8f70-1a2b3c4d5e99";
        fixtures.store.put(Job.pending(jobId, 70, Algorithm.NAIVE, Fixtures.NOW, null, Fixtures.NOW / 1000 + 3600));
        String lying = handWrittenMessage(jobId, 20, "naive");

        // When
        WorkerOutcome outcome = worker.process(lying, 1, 5_000);

        // Then it is refused as poison instead of burning the invocation on fib(70)
        assertThat(outcome.kind()).isEqualTo(WorkerOutcome.Kind.POISON);
        failedWith(jobId, JobWorker.POISON_MESSAGE);
    }

    @Test
    void gaveUpError_shouldNotShowClientsTheTableNameOrSdkText() {
        // Given a table that fails with an internal message naming itself
        String jobId = submit(20, Algorithm.NAIVE);
        String message = messageFor(jobId);
        fixtures.store.failNextWith(new StoreUnavailableException(
                "could not claim job " + jobId + " in table fiblab-JobsTable-1X2Y: Unable to execute HTTP request",
                null));

        // When the last delivery fails on it
        WorkerOutcome outcome = worker.process(message, 3, PLENTY_OF_TIME);

        // Then the job's error says what happened in plain words; the log detail keeps the full reason
        Job job = fixtures.store.get(jobId);
        assertThat(job.errorCode()).isEqualTo(JobWorker.GAVE_UP);
        assertThat(job.error())
                .doesNotContain("fiblab-JobsTable")
                .doesNotContain("HTTP request")
                .contains("gave up after 3 deliveries");
        assertThat(outcome.detail()).contains("fiblab-JobsTable-1X2Y");
    }

    @Test
    void process_shouldDeferWithoutStarting_whenTheJobWouldNotFinishInTheTimeLeft() {
        // Given a job estimated at ~1.5 s (naive fib(41)) and an invocation that had 300 s but has 2 s left
        String jobId = submit(41, Algorithm.NAIVE);

        // When
        WorkerOutcome outcome = worker.process(messageFor(jobId), 1, 2_000, 300_000);

        // Then it is not started: a copy goes back to the queue and this delivery is let go
        assertThat(outcome.kind()).isEqualTo(WorkerOutcome.Kind.DEFERRED);
        assertThat(outcome.acknowledged()).isTrue();
        assertThat(fixtures.store.get(jobId).status()).isEqualTo(JobStatus.PENDING);
        assertThat(fixtures.store.get(jobId).attempts()).isZero();
        assertThat(fixtures.queue.sent())
                .filteredOn(m -> m.jobId().equals(jobId))
                .hasSize(2);
    }

    @Test
    void process_shouldComeBackAfterAShortGrowingDelay_whenTheTableIsDown() {
        String jobId = submit(20, Algorithm.NAIVE);
        String message = messageFor(jobId);
        fixtures.store.goDown();

        WorkerOutcome first = worker.process(message, 1, PLENTY_OF_TIME);
        WorkerOutcome second = worker.process(message, 2, PLENTY_OF_TIME);

        assertThat(first.kind()).isEqualTo(WorkerOutcome.Kind.RETRY);
        assertThat(first.retryAfterSeconds()).isEqualTo(10);
        assertThat(second.retryAfterSeconds()).isEqualTo(20);
    }

    @Test
    void retrySchedule_shouldDoubleUpToItsMaximum() {
        RetrySchedule schedule = new RetrySchedule(10, 900);

        assertThat(schedule.delaySeconds(1)).isEqualTo(10);
        assertThat(schedule.delaySeconds(3)).isEqualTo(40);
        assertThat(schedule.delaySeconds(7)).isEqualTo(640);
        assertThat(schedule.delaySeconds(8)).isEqualTo(900);
        assertThat(schedule.delaySeconds(1000)).isEqualTo(900);
    }

    @Test
    void giveUp_shouldNotFailAJob_thatAnotherDeliveryHoldsALiveLeaseOn() {
        // Given a job another delivery is computing, and a stale duplicate on its last receive with no time
        String jobId = submit(20, Algorithm.NAIVE);
        fixtures.store.claim(jobId, Fixtures.NOW, Fixtures.NOW + 60_000);

        // When
        worker.process(messageFor(jobId), 3, 500);

        // Then the computing delivery keeps the job
        assertThat(fixtures.store.get(jobId).status()).isEqualTo(JobStatus.RUNNING);
    }

    @Test
    void costModel_shouldGrowByPhiPerStepOfN() {
        CostModel model = new CostModel(1_000, 2_000);

        assertThat(model.estimateMillis(Algorithm.NAIVE, 40)).isEqualTo(1_000);
        assertThat(model.estimateMillis(Algorithm.NAIVE, 50)).isBetween(122_000L, 124_000L);
        assertThat(model.estimateMillis(Algorithm.FAST, 1_000_000)).isEqualTo(2_000);
        assertThat(model.estimateMillis(Algorithm.FAST, 1_000)).isLessThan(5);
    }

    @Test
    void lease_shouldLastAboutTheJobsCost_notTheWholeInvocation() {
        // a delivery that fails after claiming must not hold the job's retries back for minutes
        assertThat(JobWorker.leaseMillis(100, 300_000)).isEqualTo(10_200);
        assertThat(JobWorker.leaseMillis(100_000, 60_000)).isEqualTo(60_000);
    }

    @Test
    void process_shouldNotSendAnotherCopy_whenADeferredJobIsAlreadyDone() {
        // Given a job already DONE, and a duplicate of its message arriving with too little time left
        String jobId = submit(41, Algorithm.NAIVE);
        String message = messageFor(jobId);
        fixtures.store.claim(jobId, Fixtures.NOW, Fixtures.NOW + 1_000);
        fixtures.store.complete(jobId, 1, "165580141", 1, Fixtures.NOW);

        // When
        WorkerOutcome outcome = worker.process(message, 1, 2_000, 300_000);

        // Then it is acknowledged without a new copy
        assertThat(outcome.kind()).isEqualTo(WorkerOutcome.Kind.ALREADY_FINISHED);
        assertThat(fixtures.queue.sent()).hasSize(1);
    }

    @Test
    void lastDeliveryFailing_shouldNotFailTheJob_whileAnotherDeliveryComputesIt() {
        // Given a job another delivery claimed and is computing (live lease)
        String jobId = submit(20, Algorithm.NAIVE);
        fixtures.store.claim(jobId, Fixtures.NOW, Fixtures.NOW + 60_000);

        // When a stale duplicate, on its last receive, meets a table error
        fixtures.store.failNextWith(new StoreUnavailableException("throttled", null));
        worker.process(messageFor(jobId), 3, PLENTY_OF_TIME);

        // Then its give-up does not fail the job under the computing delivery
        assertThat(fixtures.store.get(jobId).status()).isEqualTo(JobStatus.RUNNING);
    }
}
