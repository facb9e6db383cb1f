package fiblab.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import fiblab.fib.Algorithm;
import fiblab.job.Job;
import fiblab.testing.Fixtures;
import fiblab.testing.TestContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.params.ParameterizedTest;

/** A failed message is given the worker's short delay before it is reported, instead of the queue's timeout. */
class WorkerRetryDelayTest {

    private final Fixtures fixtures = new Fixtures();
    private final List<String> delays = new CopyOnWriteArrayList<>();
    private final WorkerHandler handler = RecordingWorkerHandler.over(fixtures.worker(3), delays);

    @ParameterizedTest
    @Event(value = "../events/sqs-batch.json", type = SQSEvent.class)
    void failedMessages_shouldComeBackAfterTheFirstRetryDelay_whenTheTableIsDown(SQSEvent event) {
        // Given a batch whose jobs cannot be claimed because the table is down
        fixtures.store.put(Job.pending(
                "6c1f0a9e-2b3d-4c5e-8f70-1a2b3c4d5e01", 25, Algorithm.NAIVE, Fixtures.NOW, null, Fixtures.NOW));
        fixtures.store.goDown();

        // When
        SQSBatchResponse response = handler.handleRequest(event, new TestContext("fiblab-worker", 300_000));

        // Then each is reported failed and its visibility set to 10 s (first receive), not left at 1,800 s
        assertThat(response.getBatchItemFailures()).hasSize(event.getRecords().size());
        assertThat(delays).hasSize(event.getRecords().size()).allMatch(d -> d.endsWith(" 10"));
    }

    @ParameterizedTest
    @Event(value = "../events/sqs-batch.json", type = SQSEvent.class)
    void succeededMessages_shouldKeepTheirVisibility(SQSEvent event) {
        fixtures.store.put(Job.pending(
                "6c1f0a9e-2b3d-4c5e-8f70-1a2b3c4d5e01", 25, Algorithm.NAIVE, Fixtures.NOW, null, Fixtures.NOW));
        fixtures.store.put(Job.pending(
                "6c1f0a9e-2b3d-4c5e-8f70-1a2b3c4d5e02", 1000, Algorithm.FAST, Fixtures.NOW, null, Fixtures.NOW));

        SQSBatchResponse response = handler.handleRequest(event, new TestContext("fiblab-worker", 300_000));

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(delays).isEmpty();
    }
}
