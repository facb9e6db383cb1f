package fiblab.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import fiblab.fib.Algorithm;
import fiblab.job.Job;
import fiblab.job.JobMessage;
import fiblab.job.JobMessageCodec;
import fiblab.job.JobStatus;
import fiblab.job.StoreUnavailableException;
import fiblab.testing.Fixtures;
import fiblab.testing.TestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    private final WorkerHandler handler = RecordingWorkerHandler.over(fixtures.worker(3), delays);

    private SQSBatchResponse invoke(SQSEvent event) {
        return handler.handleRequest(event, new TestContext("fiblab-worker", 300_000));
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
        fixtures.store.afterEachClaim(jobId -> {
            if (jobId.equals(SECOND)) {
                secondClaimed.countDown();
            }
        });
        fixtures.store.beforeEachComplete(jobId -> {
            if (jobId.equals(FIRST) && !await(secondClaimed)) {
                firstWriteWaitedInVain.set(true);
            }
        });

        // When
        SQSBatchResponse response = invoke(batchOf(FIRST, SECOND));

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
        fixtures.store.beforeEachComplete(jobId -> sleep(150));

        SQSBatchResponse response = invoke(batchOf(jobs));

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
        fixtures.store.beforeEachComplete(jobId -> {
            if (jobId.equals(SECOND)) {
                throw new StoreUnavailableException("the table timed out", null);
            }
        });

        SQSBatchResponse response = invoke(batchOf(FIRST, SECOND));

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
}
