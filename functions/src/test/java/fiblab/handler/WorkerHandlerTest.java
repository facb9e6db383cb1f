package fiblab.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import fiblab.fib.Algorithm;
import fiblab.fib.FastDoubling;
import fiblab.job.Job;
import fiblab.job.JobStatus;
import fiblab.observe.StructuredLogger;
import fiblab.testing.Fixtures;
import fiblab.testing.TestContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;

/** The worker handler fed by the SQS batches in events/. */
class WorkerHandlerTest {

    private final Fixtures fixtures = new Fixtures();
    private final ByteArrayOutputStream logs = new ByteArrayOutputStream();
    private final WorkerHandler handler = new WorkerHandler(
            fixtures.worker(3),
            new StructuredLogger(
                    new PrintStream(logs, true, StandardCharsets.UTF_8),
                    StructuredLogger.Level.INFO,
                    Map.of("service", "fiblab-worker")));

    private void pending(String jobId, int n, Algorithm algorithm) {
        fixtures.store.put(Job.pending(jobId, n, algorithm, Fixtures.NOW, null, Fixtures.NOW / 1000 + 3600));
    }

    private SQSBatchResponse invoke(SQSEvent event) {
        return handler.handleRequest(event, new TestContext("fiblab-worker", 300_000));
    }

    @ParameterizedTest
    @Event(value = "../events/sqs-batch.json", type = SQSEvent.class)
    void batch_shouldCompleteEveryJob_andReportNoFailures(SQSEvent event) {
        pending("6c1f0a9e-2b3d-4c5e-8f70-1a2b3c4d5e01", 25, Algorithm.NAIVE);
        pending("6c1f0a9e-2b3d-4c5e-8f70-1a2b3c4d5e02", 1000, Algorithm.FAST);

        SQSBatchResponse response = invoke(event);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(fixtures.store.get("6c1f0a9e-2b3d-4c5e-8f70-1a2b3c4d5e01").value())
                .isEqualTo("75025");
        assertThat(fixtures.store.get("6c1f0a9e-2b3d-4c5e-8f70-1a2b3c4d5e02").value())
                .isEqualTo(FastDoubling.fib(1000).toString());
        assertThat(logs.toString(StandardCharsets.UTF_8))
                .contains("\"jobId\":\"6c1f0a9e-2b3d-4c5e-8f70-1a2b3c4d5e01\"");
    }

    @ParameterizedTest
    @Event(value = "../events/sqs-batch-duplicate.json", type = SQSEvent.class)
    void duplicateDelivery_shouldStoreOneResult_andAcknowledgeBoth(SQSEvent event) {
        pending("6c1f0a9e-2b3d-4c5e-8f70-1a2b3c4d5e11", 20, Algorithm.NAIVE);

        SQSBatchResponse response = invoke(event);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(fixtures.store.completions()).isOne();
        Job job = fixtures.store.get("6c1f0a9e-2b3d-4c5e-8f70-1a2b3c4d5e11");
        assertThat(job.status()).isEqualTo(JobStatus.DONE);
        assertThat(job.attempts()).isOne();
    }

    @ParameterizedTest
    @Event(value = "../events/sqs-batch-poison.json", type = SQSEvent.class)
    void poisonMessages_shouldFailOnlyThemselves_andMarkTheirJobFailed(SQSEvent event) {
        pending("6c1f0a9e-2b3d-4c5e-8f70-1a2b3c4d5e21", 22, Algorithm.NAIVE);
        pending("6c1f0a9e-2b3d-4c5e-8f70-1a2b3c4d5e23", 30, Algorithm.NAIVE);
        pending("6c1f0a9e-2b3d-4c5e-8f70-1a2b3c4d5e24", 23, Algorithm.NAIVE);

        SQSBatchResponse response = invoke(event);

        assertThat(response.getBatchItemFailures())
                .extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactlyInAnyOrder(
                        "0b1d7c2e-3333-4a5b-9c8d-000000000002", "0b1d7c2e-3333-4a5b-9c8d-000000000003");
        assertThat(fixtures.store.get("6c1f0a9e-2b3d-4c5e-8f70-1a2b3c4d5e21").value())
                .isEqualTo("17711");
        assertThat(fixtures.store.get("6c1f0a9e-2b3d-4c5e-8f70-1a2b3c4d5e24").value())
                .isEqualTo("28657");
        Job poisoned = fixtures.store.get("6c1f0a9e-2b3d-4c5e-8f70-1a2b3c4d5e23");
        assertThat(poisoned.status()).isEqualTo(JobStatus.FAILED);
        assertThat(poisoned.error()).contains("algorithm is not one of naive, fast");
    }

    @ParameterizedTest
    @Event(value = "../events/sqs-batch.json", type = SQSEvent.class)
    void tableDown_shouldReturnEveryMessageToTheQueue(SQSEvent event) {
        pending("6c1f0a9e-2b3d-4c5e-8f70-1a2b3c4d5e01", 25, Algorithm.NAIVE);
        pending("6c1f0a9e-2b3d-4c5e-8f70-1a2b3c4d5e02", 1000, Algorithm.FAST);
        fixtures.store.goDown();

        SQSBatchResponse response = invoke(event);

        assertThat(response.getBatchItemFailures()).hasSize(2);
    }
}
