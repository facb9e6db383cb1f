package fiblab.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import fiblab.aws.CallBudget;
import fiblab.config.Limits;
import fiblab.fib.Algorithm;
import fiblab.job.Job;
import fiblab.job.JobMessage;
import fiblab.job.JobMessageCodec;
import fiblab.job.JobStatus;
import fiblab.job.JobStore;
import fiblab.job.JobWorker;
import fiblab.job.StoreUnavailableException;
import fiblab.job.WorkerPolicy;
import fiblab.observe.Metrics;
import fiblab.observe.StructuredLogger;
import fiblab.testing.Fixtures;
import fiblab.testing.InMemoryJobStore;
import fiblab.testing.TestContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A batch's result writes overlap the next message's work: the worker claims and computes the next
 * job while the previous result is being stored, and the invocation still returns only once every
 * write has answered, reporting exactly the messages whose writes failed.
 */
class WorkerWriteBehindTest {

    private static final String FIRST = "6c1f0a9e-2b3d-4c5e-8f70-1a2b3c4d5e31";
    private static final String SECOND = "6c1f0a9e-2b3d-4c5e-8f70-1a2b3c4d5e32";

    private final Fixtures fixtures = new Fixtures();
    private final List<String> delays = new CopyOnWriteArrayList<>();

    private WorkerHandler handlerOver(JobStore store) {
        JobWorker worker = new JobWorker(
                store, fixtures.queue, WorkerPolicy.defaults(Limits.defaults(), 3), fixtures.clock, Metrics.NONE);
        return new WorkerHandler(
                worker,
                (receiptHandle, seconds) -> delays.add(receiptHandle + " " + seconds),
                new StructuredLogger(
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                        StructuredLogger.Level.INFO,
                        Map.of()),
                CallBudget.unbounded(),
                List.of());
    }

    private static SQSEvent batchOf(String... jobIds) {
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (String jobId : jobIds) {
            SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
            message.setMessageId("message-" + jobId);
            message.setReceiptHandle("receipt-" + jobId);
            message.setBody(JobMessageCodec.write(new JobMessage(jobId, 20, Algorithm.NAIVE, Fixtures.NOW)));
            message.setAttributes(Map.of("ApproximateReceiveCount", "1"));
            records.add(message);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }

    private void pending(String... jobIds) {
        for (String jobId : jobIds) {
            fixtures.store.put(Job.pending(jobId, 20, Algorithm.NAIVE, Fixtures.NOW, null, Fixtures.NOW / 1000 + 3600));
        }
    }

    @Test
    void nextMessage_shouldBeClaimed_whileThePreviousResultIsStillBeingStored() {
        // Given a table whose write of the first result answers only after the second job was claimed
        pending(FIRST, SECOND);
        CountDownLatch secondClaimed = new CountDownLatch(1);
        AtomicBoolean firstWriteWaitedInVain = new AtomicBoolean();
        JobStore store = new Delegating(fixtures.store) {
            @Override
            public Optional<Job> claim(String jobId, long now, long leaseUntil) {
                Optional<Job> claimed = super.claim(jobId, now, leaseUntil);
                if (jobId.equals(SECOND)) {
                    secondClaimed.countDown();
                }
                return claimed;
            }

            @Override
            public boolean complete(String jobId, int attempt, String value, long computeMicros, long completedAt) {
                if (jobId.equals(FIRST) && !await(secondClaimed)) {
                    firstWriteWaitedInVain.set(true);
                }
                return super.complete(jobId, attempt, value, computeMicros, completedAt);
            }
        };

        // When
        SQSBatchResponse response =
                handlerOver(store).handleRequest(batchOf(FIRST, SECOND), new TestContext("fiblab-worker", 300_000));

        // Then the second claim did not wait for the first write, and both results are stored
        assertThat(firstWriteWaitedInVain)
                .as("the second claim waited for the first result's write")
                .isFalse();
        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(fixtures.store.get(FIRST).status()).isEqualTo(JobStatus.DONE);
        assertThat(fixtures.store.get(SECOND).status()).isEqualTo(JobStatus.DONE);
    }

    @Test
    void invocation_shouldReturnOnlyAfterEveryResultIsStored_evenWhenTheWritesAreSlow() {
        String[] jobs = {
            FIRST, SECOND, "6c1f0a9e-2b3d-4c5e-8f70-1a2b3c4d5e33", "6c1f0a9e-2b3d-4c5e-8f70-1a2b3c4d5e34",
        };
        pending(jobs);
        JobStore slowWrites = new Delegating(fixtures.store) {
            @Override
            public boolean complete(String jobId, int attempt, String value, long computeMicros, long completedAt) {
                sleep(150);
                return super.complete(jobId, attempt, value, computeMicros, completedAt);
            }
        };

        SQSBatchResponse response =
                handlerOver(slowWrites).handleRequest(batchOf(jobs), new TestContext("fiblab-worker", 300_000));

        assertThat(response.getBatchItemFailures()).isEmpty();
        for (String jobId : jobs) {
            assertThat(fixtures.store.get(jobId).status()).as(jobId).isEqualTo(JobStatus.DONE);
            assertThat(fixtures.store.get(jobId).value()).isEqualTo("6765");
        }
        assertThat(fixtures.store.completions()).isEqualTo(jobs.length);
    }

    @Test
    void aResultThatCannotBeStored_shouldReturnOnlyItsMessage_afterTheRetryDelay() {
        // Given a table that refuses the second result's write
        pending(FIRST, SECOND);
        JobStore refusesSecond = new Delegating(fixtures.store) {
            @Override
            public boolean complete(String jobId, int attempt, String value, long computeMicros, long completedAt) {
                if (jobId.equals(SECOND)) {
                    throw new StoreUnavailableException("the table timed out", null);
                }
                return super.complete(jobId, attempt, value, computeMicros, completedAt);
            }
        };

        SQSBatchResponse response = handlerOver(refusesSecond)
                .handleRequest(batchOf(FIRST, SECOND), new TestContext("fiblab-worker", 300_000));

        // Then only the second message comes back, after the first retry delay, and the first job is DONE
        assertThat(response.getBatchItemFailures())
                .extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("message-" + SECOND);
        assertThat(delays).containsExactly("receipt-" + SECOND + " 10");
        assertThat(fixtures.store.get(FIRST).status()).isEqualTo(JobStatus.DONE);
        assertThat(fixtures.store.get(SECOND).status()).isEqualTo(JobStatus.RUNNING);
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A store that passes every call on; a test overrides the calls it shapes. */
    private static class Delegating implements JobStore {
        private final InMemoryJobStore store;

        Delegating(InMemoryJobStore store) {
            this.store = store;
        }

        @Override
        public void create(Job job) {
            store.create(job);
        }

        @Override
        public Optional<Job> find(String jobId) {
            return store.find(jobId);
        }

        @Override
        public Optional<Job> findEventually(String jobId) {
            return store.findEventually(jobId);
        }

        @Override
        public Optional<Job> claim(String jobId, long now, long leaseUntil) {
            return store.claim(jobId, now, leaseUntil);
        }

        @Override
        public boolean complete(String jobId, int attempt, String value, long computeMicros, long completedAt) {
            return store.complete(jobId, attempt, value, computeMicros, completedAt);
        }

        @Override
        public boolean fail(String jobId, int attempt, String errorCode, String error, long completedAt) {
            return store.fail(jobId, attempt, errorCode, error, completedAt);
        }

        @Override
        public boolean reopen(String jobId, String errorCode, long now, long expiresAt) {
            return store.reopen(jobId, errorCode, now, expiresAt);
        }

        @Override
        public boolean requeue(String jobId, long now, long staleBefore) {
            return store.requeue(jobId, now, staleBefore);
        }
    }
}
