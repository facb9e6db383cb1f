package fiblab.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import fiblab.aws.AwsClients;
import fiblab.aws.DynamoDbJobStore;
import fiblab.aws.SqsJobQueue;
import fiblab.config.Settings;
import fiblab.observe.StructuredLogger;
import fiblab.testing.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.crac.Resource;
import org.junit.jupiter.api.Test;

/**
 * The SnapStart hooks, called directly: this JDK has no CRaC, so org.crac's global context never
 * calls them itself. Priming must be harmless (no job, no message) and must never fail a snapshot.
 */
class SnapStartPrimingTest {

    private final Fixtures fixtures = new Fixtures();
    private final ByteArrayOutputStream logs = new ByteArrayOutputStream();
    private final StructuredLogger log = new StructuredLogger(
            new PrintStream(logs, true, StandardCharsets.UTF_8), StructuredLogger.Level.INFO, Map.of());

    @Test
    void apiPriming_shouldRunTheRequestPaths_withoutCreatingJobsOrMessages() throws Exception {
        ApiHandler handler = new ApiHandler(fixtures.api(), log);

        handler.beforeCheckpoint(null);
        handler.afterRestore(null);

        assertThat(fixtures.store.size()).isZero();
        assertThat(fixtures.queue.sent()).isEmpty();
        assertThat(logs.toString(StandardCharsets.UTF_8)).contains("restored from a SnapStart snapshot");
    }

    @Test
    void apiPriming_shouldRecordNoMetric() throws Exception {
        // Given an API whose metrics are EMF lines, as on Lambda
        ByteArrayOutputStream metricsOut = new ByteArrayOutputStream();
        fiblab.observe.EmfMetrics metrics =
                new fiblab.observe.EmfMetrics(new PrintStream(metricsOut, true, StandardCharsets.UTF_8), "fiblab-api");
        fiblab.api.FibApi api =
                new fiblab.api.FibApi(new fiblab.api.RequestRules(fixtures.limits), fixtures.submission(), metrics);
        ApiHandler handler = new ApiHandler(api, log);

        // When priming runs its hundred computations
        handler.beforeCheckpoint(null);

        // Then none of them reaches the ComputeTime metric (before the fix: 100 EMF lines)
        assertThat(metricsOut.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void apiPriming_shouldRunItsAdaptersHooksFirst_inTheOrderGiven_thenItsOwn() throws Exception {
        // Given a handler built with two adapters to prime (as Components builds the store and the queue)
        List<String> calls = new ArrayList<>();
        ApiHandler handler = new ApiHandler(
                fixtures.api(),
                log,
                fiblab.aws.CallBudget.unbounded(),
                List.of(new RecordingHook("store", calls), new RecordingHook("queue", calls)));

        // When SnapStart (or the cold-start probe, on a JDK without CRaC) runs the handler's hooks
        handler.beforeCheckpoint(null);
        handler.afterRestore(null);

        // Then each adapter primed once, in order, before the restore; the handler logged its restore
        assertThat(calls).containsExactly("store before", "queue before", "store after", "queue after");
        assertThat(logs.toString(StandardCharsets.UTF_8)).contains("restored from a SnapStart snapshot");
        assertThat(fixtures.store.size()).isZero();
    }

    @Test
    void workerPriming_shouldRunItsStoresHooks() throws Exception {
        List<String> calls = new ArrayList<>();
        WorkerHandler handler = new WorkerHandler(
                fixtures.worker(3),
                (receiptHandle, delaySeconds) -> {},
                log,
                fiblab.aws.CallBudget.unbounded(),
                List.of(new RecordingHook("store", calls)));

        handler.beforeCheckpoint(null);
        handler.afterRestore(null);

        assertThat(calls).containsExactly("store before", "store after");
    }

    /** An adapter's SnapStart hooks that only say they ran. */
    private record RecordingHook(String name, List<String> calls) implements Resource {
        @Override
        public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
            calls.add(name + " before");
        }

        @Override
        public void afterRestore(org.crac.Context<? extends Resource> context) {
            calls.add(name + " after");
        }
    }

    @Test
    void workerPriming_shouldTouchNoJob() throws Exception {
        WorkerHandler handler = new WorkerHandler(fixtures.worker(3), log);

        handler.beforeCheckpoint(null);
        handler.afterRestore(null);

        assertThat(fixtures.store.size()).isZero();
        assertThat(fixtures.store.completions()).isZero();
    }

    @Test
    void adapterPriming_shouldNotFailTheSnapshot_whenTheServiceIsUnreachable() throws IOException {
        // Given adapters whose endpoint is a port where nothing listens
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Settings settings = new Settings(Map.of(
                "AWS_REGION",
                "us-east-1",
                "AWS_ENDPOINT_URL",
                "http://127.0.0.1:" + closedPort,
                "AWS_ACCESS_KEY_ID",
                "x",
                "AWS_SECRET_ACCESS_KEY",
                "x"));
        DynamoDbJobStore store = new DynamoDbJobStore(AwsClients.dynamoDb(settings), "jobs");
        SqsJobQueue queue =
                new SqsJobQueue(AwsClients.sqs(settings), "http://127.0.0.1:" + closedPort + "/000000000000/jobs");

        // Then priming is best effort
        assertThatCode(() -> {
                    store.beforeCheckpoint(null);
                    queue.beforeCheckpoint(null);
                    store.afterRestore(null);
                    queue.afterRestore(null);
                })
                .doesNotThrowAnyException();
    }
}
