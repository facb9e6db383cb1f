package fiblab.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fiblab.fib.Algorithm;
import fiblab.testing.Fixtures;
import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class JobSubmissionTest {

    private final Fixtures fixtures = new Fixtures();
    private final JobSubmission submission = fixtures.submission();

    @Test
    void submit_shouldStoreJobWithTtl_andSendItsMessage() {
        JobSubmission.Submitted submitted = submission.submit(30, Algorithm.NAIVE, null);

        Job stored = fixtures.store.get(submitted.job().jobId());
        assertThat(stored.status()).isEqualTo(JobStatus.PENDING);
        assertThat(stored.expiresAt()).isEqualTo(Fixtures.NOW / 1000 + 7 * 24 * 3600);
        assertThat(fixtures.queue.sent())
                .containsExactly(new JobMessage(stored.jobId(), 30, Algorithm.NAIVE, Fixtures.NOW));
        assertThat(submitted.replayed()).isFalse();
    }

    @Test
    void submit_shouldMarkJobFailedAndThrow_whenQueueIsDown() {
        // Given a queue that refuses messages
        fixtures.queue.goDown();

        // When a job is submitted, the caller hears of it
        assertThatThrownBy(() -> submission.submit(30, Algorithm.NAIVE, "key-1"))
                .isInstanceOf(QueueUnavailableException.class);

        // Then the recorded job reads FAILED with the reason, never PENDING forever
        Job job = fixtures.store.get(JobIds.fromIdempotencyKey("key-1"));
        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.errorCode()).isEqualTo(JobSubmission.QUEUE_UNAVAILABLE);
        assertThat(job.error()).contains("queue was unavailable");
    }

    @Test
    void submit_shouldReopenAndQueue_whenRetriedWithSameKeyAfterQueueFailure() {
        fixtures.queue.goDown();
        assertThatThrownBy(() -> submission.submit(30, Algorithm.NAIVE, "key-2"));
        fixtures.queue.comeBack();
        fixtures.clock.advanceMillis(5_000);

        JobSubmission.Submitted retried = submission.submit(30, Algorithm.NAIVE, "key-2");

        assertThat(retried.job().status()).isEqualTo(JobStatus.PENDING);
        assertThat(retried.job().submittedAt()).isEqualTo(Fixtures.NOW + 5_000);
        assertThat(fixtures.queue.sent())
                .singleElement()
                .satisfies(m -> assertThat(m.jobId()).isEqualTo(retried.job().jobId()));
    }

    @Test
    void submit_shouldNotQueueAgain_whenRetriedWithSameKeyAfterSuccess() {
        JobSubmission.Submitted first = submission.submit(30, Algorithm.NAIVE, "key-3");
        fixtures.clock.advanceMillis(1_000);

        JobSubmission.Submitted again = submission.submit(30, Algorithm.NAIVE, "key-3");

        assertThat(again.replayed()).isTrue();
        assertThat(again.job().jobId()).isEqualTo(first.job().jobId());
        assertThat(fixtures.queue.sent()).hasSize(1);
    }

    @Test
    void submit_shouldSendItsMessage_whenTheSdkRetriedAKeyedPutItemThatHadCommitted() {
        // Given a table whose first PutItem commits but whose answer is lost, so the retried one is refused
        fixtures.store.commitThenRefuseNextCreate();

        // When a keyed job is submitted
        JobSubmission.Submitted submitted = submission.submit(30, Algorithm.NAIVE, "key-put-retried");

        // Then the 202 is backed by a message: the job was this call's own, not an earlier submit's
        assertThat(fixtures.queue.sent())
                .containsExactly(new JobMessage(submitted.job().jobId(), 30, Algorithm.NAIVE, Fixtures.NOW));
        assertThat(submitted.replayed()).isFalse();
    }

    @Test
    void submit_shouldQueueNothing_whenTableIsDown() {
        fixtures.store.goDown();

        assertThatThrownBy(() -> submission.submit(30, Algorithm.NAIVE, null))
                .isInstanceOf(StoreUnavailableException.class);

        assertThat(fixtures.queue.sent()).isEmpty();
    }

    @Test
    void messageCodec_shouldRoundTrip_andNamePoison() {
        JobMessage message = new JobMessage("6c1f0a9e-2b3d-4c5e-8f70-1a2b3c4d5e01", 30, Algorithm.FAST, 17L);
        assertThat(JobMessageCodec.read(JobMessageCodec.write(message))).isEqualTo(message);

        assertThatThrownBy(() -> JobMessageCodec.read("not json"))
                .isInstanceOf(PoisonMessageException.class)
                .satisfies(e -> assertThat(((PoisonMessageException) e).jobId()).isNull());
        assertThatThrownBy(
                        () -> JobMessageCodec.read(
                                "{\"jobId\":\"6c1f0a9e-2b3d-4c5e-8f70-1a2b3c4d5e01\",\"n\":\"x\",\"algorithm\":\"naive\",\"submittedAt\":1}"))
                .isInstanceOf(PoisonMessageException.class)
                .satisfies(e -> assertThat(((PoisonMessageException) e).jobId())
                        .isEqualTo("6c1f0a9e-2b3d-4c5e-8f70-1a2b3c4d5e01"));
    }

    @Test
    void submit_shouldQueueAgain_whenASubmitDiedBetweenRecordAndSend_andTheClientRetries() {
        // Given a submit whose invocation died after the record was written and before the message was sent
        fixtures.queue.dieOnNextSend();
        assertThatThrownBy(() -> submission.submit(30, Algorithm.NAIVE, "key-dead"))
                .isInstanceOf(IllegalStateException.class);
        assertThat(fixtures.queue.sent()).isEmpty();

        // When the client retries with the same key after the grace period
        fixtures.clock.advanceMillis(120_000);
        JobSubmission.Submitted retried = submission.submit(30, Algorithm.NAIVE, "key-dead");

        // Then the job is queued (once), not left PENDING until its TTL
        assertThat(retried.job().status()).isEqualTo(JobStatus.PENDING);
        assertThat(fixtures.queue.sent())
                .singleElement()
                .satisfies(m -> assertThat(m.jobId()).isEqualTo(retried.job().jobId()));
        submission.submit(30, Algorithm.NAIVE, "key-dead");
        assertThat(fixtures.queue.sent())
                .as("a second retry within the grace period")
                .hasSize(1);
    }

    @Test
    void status_shouldNotResendAPendingJob_whileMessagesStillWaitInTheQueue_butShouldOnceItIsEmpty() {
        // Given a job whose message waits behind a deep backlog for longer than the replay period
        OptionalLong[] backlog = {OptionalLong.of(5)};
        JobSubmission gauged = new JobSubmission(
                fixtures.store,
                fixtures.queue,
                () -> backlog[0],
                fixtures.clock,
                Duration.ofDays(7),
                JobSubmission.DEFAULT_REPLAY_AFTER);
        String jobId = gauged.submit(30, Algorithm.NAIVE, "key-deep").job().jobId();
        fixtures.clock.advanceMillis(120_000);

        // When the client polls and retries its submit while 5 messages wait
        gauged.status(jobId);
        gauged.submit(30, Algorithm.NAIVE, "key-deep");

        // Then no copy is sent: its message may simply be among those waiting
        assertThat(fixtures.queue.sent()).as("while 5 wait").hasSize(1);

        // When the queue cannot be read either, nothing is sent (a queue that cannot be read likely cannot be sent to)
        backlog[0] = OptionalLong.empty();
        gauged.status(jobId);
        assertThat(fixtures.queue.sent()).as("while the backlog is unreadable").hasSize(1);

        // When the queue reads empty, the job's message is evidently lost: a poll sends it again
        backlog[0] = OptionalLong.of(0);
        gauged.status(jobId);
        assertThat(fixtures.queue.sent())
                .as("once the queue is empty")
                .hasSize(2)
                .allSatisfy(m -> assertThat(m.jobId()).isEqualTo(jobId));
    }

    @Test
    void submit_shouldRefreshTheTtl_whenAFailedSubmitIsReopened() {
        fixtures.queue.goDown();
        assertThatThrownBy(() -> submission.submit(30, Algorithm.NAIVE, "key-ttl"));
        fixtures.queue.comeBack();
        fixtures.clock.advanceMillis(3 * 24 * 3600 * 1000L);

        JobSubmission.Submitted retried = submission.submit(30, Algorithm.NAIVE, "key-ttl");

        assertThat(fixtures.store.get(retried.job().jobId()).expiresAt())
                .isEqualTo((Fixtures.NOW + 3 * 24 * 3600 * 1000L) / 1000 + 7 * 24 * 3600);
    }
}
