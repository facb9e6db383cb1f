package fiblab.bench.path;

import static org.assertj.core.api.Assertions.assertThat;

import fiblab.bench.FakeFibApi;
import fiblab.bench.http.ApiClient;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The path drivers against a real HTTP server speaking the fiblab contract. */
class PathDriversIT {

    private FakeFibApi api;
    private ApiClient client;

    @BeforeEach
    void start() throws Exception {
        api = new FakeFibApi(25, 2);
        client = new ApiClient(api.url(), Duration.ofSeconds(10));
    }

    @AfterEach
    void stop() {
        client.close();
        api.close();
    }

    @Test
    void inline_shouldReportServerCompute_whenAnswerIsRight() {
        Sample sample = new InlinePath(client, 20, "naive").call();

        assertThat(sample.ok()).isTrue();
        assertThat(sample.computeMicros()).isGreaterThanOrEqualTo(0);
        assertThat(sample.acceptedNanos()).isEqualTo(-1);
    }

    @Test
    void inline_shouldCountTheStatus_whenNIsAboveTheInlineLimit() {
        Sample sample = new InlinePath(client, 26, "naive").call();

        assertThat(sample.error()).isEqualTo("http-422");
    }

    @Test
    void inline_shouldCountATimeout_whenTheServerIsTooSlow() {
        // Given a client that allows a request one nanosecond
        try (ApiClient impatient = new ApiClient(api.url(), Duration.ofNanos(1))) {
            Sample sample = new InlinePath(impatient, 25, "naive").call();

            assertThat(sample.error()).isEqualTo("timeout");
        }
    }

    @Test
    void async_shouldRecordEveryStage_whenTheJobIsDone() {
        Sample sample = new AsyncPath(client, 24, "naive", Duration.ofMillis(5), Duration.ofSeconds(10)).call();

        assertThat(sample.ok()).as(String.valueOf(sample.error())).isTrue();
        assertThat(sample.acceptedNanos()).isPositive();
        assertThat(sample.polls()).isPositive();
        assertThat(sample.computeMicros()).isGreaterThanOrEqualTo(0);
        assertThat(sample.queueMicros()).isGreaterThanOrEqualTo(0);
        assertThat(sample.writeMicros()).isGreaterThanOrEqualTo(0);
        assertThat(sample.serverMicros()).isGreaterThanOrEqualTo(sample.queueMicros());
    }

    @Test
    void async_shouldFinish_whenNIsAboveTheInlineLimit() {
        Sample sample = new AsyncPath(client, 27, "naive", Duration.ofMillis(5), Duration.ofSeconds(20)).call();

        assertThat(sample.ok()).isTrue();
    }

    @Test
    void async_shouldGiveUpAndCount_whenTheJobNeverFinishes() {
        api.jobsNeverFinish();

        Sample sample = new AsyncPath(client, 10, "naive", Duration.ofMillis(20), Duration.ofMillis(200)).call();

        assertThat(sample.error()).isEqualTo("job-timeout");
        // about ten polls fit in 200 ms at 20 ms; fewer on a loaded machine, never more
        assertThat(sample.polls()).isBetween(1, 10);
    }

    @Test
    void noWork_shouldCountAsSuccess_whenTheRouteIsUnknown() {
        assertThat(new NoWorkPath(client).call().ok()).isTrue();
    }
}
