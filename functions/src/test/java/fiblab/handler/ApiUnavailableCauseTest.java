package fiblab.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import fiblab.observe.StructuredLogger;
import fiblab.testing.Fixtures;
import fiblab.testing.TestContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A 503 tells the client what happened in plain words; the internal reason goes to the log line only. */
class ApiUnavailableCauseTest {

    private final Fixtures fixtures = new Fixtures();
    private final ByteArrayOutputStream logs = new ByteArrayOutputStream();
    private final ApiHandler handler = new ApiHandler(
            fixtures.api(),
            new StructuredLogger(
                    new PrintStream(logs, true, StandardCharsets.UTF_8), StructuredLogger.Level.INFO, Map.of()));

    @Test
    void queueDown_shouldAnswer503WithoutInternalNames_andLogTheReason() {
        // Given a queue that refuses with an internal message
        fixtures.queue.goDown();

        // When a job is submitted
        APIGatewayV2HTTPResponse response = handler.handleRequest(
                EventLoader.loadApiGatewayHttpEvent("../events/api-post-job.json"),
                new TestContext("fiblab-api", 29_000));

        // Then
        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(response.getBody()).contains("QUEUE_UNAVAILABLE").doesNotContain("in-memory queue");
        assertThat(logs.toString(StandardCharsets.UTF_8))
                .contains("\"status\":503")
                .contains("\"cause\":\"the in-memory queue is down\"");
    }

    @Test
    void tableDown_shouldAnswer503WithoutInternalNames_andLogTheReason() {
        fixtures.store.goDown();

        APIGatewayV2HTTPResponse response = handler.handleRequest(
                EventLoader.loadApiGatewayHttpEvent("../events/api-post-job.json"),
                new TestContext("fiblab-api", 29_000));

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(response.getBody()).contains("TABLE_UNAVAILABLE").doesNotContain("in-memory table");
        assertThat(logs.toString(StandardCharsets.UTF_8)).contains("\"cause\":\"the in-memory table is down\"");
    }
}
