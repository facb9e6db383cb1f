package fiblab.job;

import static org.assertj.core.api.Assertions.assertThat;

import fiblab.fib.Algorithm;
import fiblab.testing.Fixtures;
import org.junit.jupiter.api.Test;

class JobWorkerTest {

    private static final long PLENTY_OF_TIME = 60_000;

    private final Fixtures fixtures = new Fixtures();
    private final JobWorker worker = fixtures.worker(3);

    private String submit(int n, Algorithm algorithm) {
        return fixtures.submission().submit(n, algorithm, null).job().jobId();
    }

    private String messageFor(String jobId) {
        return JobMessageCodec.write(JobMessage.of(fixtures.store.get(jobId)));
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

        assertThat(outcome.kind()).isEqualTo(WorkerOutcome.Kind.COMPLETED);
        assertThat(fixtures.store.get(jobId).attempts()).isEqualTo(2);
        assertThat(fixtures.store.complete(jobId, stale.attempts(), "wrong", 1, Fixtures.NOW))
                .as("the first claim may no longer store a result")
                .isFalse();
        assertThat(fixtures.store.get(jobId).value()).isEqualTo("6765");
    }

    @Test
    void process_shouldMarkJobFailedAndFailTheMessage_whenMessageIsPoison() {
        String jobId = submit(20, Algorithm.NAIVE);
        String poison = "{\"jobId\":\"" + jobId + "\",\"n\":20,\"algorithm\":\"quantum\",\"submittedAt\":1}";

        WorkerOutcome outcome = worker.process(poison, 1, PLENTY_OF_TIME);

        assertThat(outcome.kind()).isEqualTo(WorkerOutcome.Kind.POISON);
        assertThat(outcome.acknowledged())
                .as("poison stays failing until SQS moves it to the DLQ")
                .isFalse();
        Job job = fixtures.store.get(jobId);
        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.errorCode()).isEqualTo(JobWorker.POISON_MESSAGE);
        assertThat(job.error()).contains("algorithm");
    }

    @Test
    void process_shouldFailTheMessage_whenBodyIsNotJson() {
        WorkerOutcome outcome = worker.process("garbage", 1, PLENTY_OF_TIME);

        assertThat(outcome.kind()).isEqualTo(WorkerOutcome.Kind.POISON);
        assertThat(outcome.jobId()).isNull();
    }

    @Test
    void process_shouldTreatAsPoison_whenNIsAboveTheWorkersLimit() {
        String jobId = submit(20, Algorithm.NAIVE);
        String tooBig = "{\"jobId\":\"" + jobId + "\",\"n\":90,\"algorithm\":\"naive\",\"submittedAt\":1}";

        WorkerOutcome outcome = worker.process(tooBig, 1, PLENTY_OF_TIME);

        assertThat(outcome.kind()).isEqualTo(WorkerOutcome.Kind.POISON);
        assertThat(fixtures.store.get(jobId).error()).contains("above this worker's limit of 51");
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
        Job job = fixtures.store.get(jobId);
        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.errorCode()).isEqualTo(JobWorker.GAVE_UP);
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
    void process_shouldNeverMoveDoneBackwards_whenFailIsAttemptedLater() {
        String jobId = submit(20, Algorithm.NAIVE);
        worker.process(messageFor(jobId), 1, PLENTY_OF_TIME);

        boolean failed = fixtures.store.fail(jobId, "X", "late failure", Fixtures.NOW);

        assertThat(failed).isFalse();
        assertThat(fixtures.store.get(jobId).status()).isEqualTo(JobStatus.DONE);
    }
}
