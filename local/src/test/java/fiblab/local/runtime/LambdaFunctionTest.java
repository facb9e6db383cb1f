package fiblab.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.jr.ob.JSON;
import fiblab.local.log.LogSink;
import fiblab.local.testing.ApiEvents;
import fiblab.local.testing.EchoHandler;
import fiblab.local.testing.Eventually;
import fiblab.local.testing.SpinHandler;
import fiblab.local.testing.TestFunctions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LambdaFunctionTest {

    @TempDir
    Path dir;

    @AutoClose
    private LogSink sink;

    @AutoClose
    private LambdaFunction function;

    private LambdaFunction echo(Duration timeout, int concurrency) {
        sink = LogSink.file(dir.resolve("lambda.log"));
        function = TestFunctions.host(EchoHandler.class, timeout, 256, concurrency, Map.of("GREETING", "hi"), sink);
        return function;
    }

    private List<String> log() throws Exception {
        return Files.readAllLines(dir.resolve("lambda.log"));
    }

    private static String echoEvent() {
        return ApiEvents.get("/echo/1", Map.of("id", "1"), "GET /echo/{id}");
    }

    private static List<String> liveThreads(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith(prefix))
                .map(Thread::getName)
                .toList();
    }

    private static String sleepEvent(long millis) {
        return ApiEvents.get("/sleep/" + millis, Map.of("ms", Long.toString(millis)), "GET /sleep/{ms}");
    }

    @Test
    void invoke_shouldLogStartEndReport_withInitDurationOnlyOnTheColdStart() throws Exception {
        // Given
        LambdaFunction echo = echo(Duration.ofSeconds(3), 10);

        // When
        InvocationResult first = echo.invoke(echoEvent(), Admission.THROTTLE).get();
        InvocationResult second = echo.invoke(echoEvent(), Admission.THROTTLE).get();

        // Then
        assertThat(first.succeeded()).isTrue();
        assertThat(second.succeeded()).isTrue();
        assertThat(echo.coldStarts()).isEqualTo(1);
        List<String> reports = log().stream()
                .filter(l -> l.startsWith("[Echo] REPORT RequestId: "))
                .toList();
        assertThat(reports).hasSize(2);
        assertThat(reports.get(0))
                .contains(first.requestId())
                .contains("\tDuration: ")
                .contains("Memory Size: 256 MB")
                .contains("\tInit Duration: ");
        assertThat(reports.get(1)).contains(second.requestId()).doesNotContain("Init Duration");
        assertThat(log())
                .contains(
                        "[Echo] START RequestId: " + first.requestId() + " Version: $LATEST",
                        "[Echo] END RequestId: " + first.requestId());
    }

    @Test
    void invoke_shouldPassTheEnvironmentAndAContextCountingDownFromTheTimeout() throws Exception {
        // Given
        LambdaFunction echo = echo(Duration.ofSeconds(3), 10);

        // When
        InvocationResult result = echo.invoke(echoEvent(), Admission.THROTTLE).get();

        // Then
        Map<String, Object> response = JSON.std.mapFrom(result.payload());
        Map<String, Object> body = JSON.std.mapFrom(String.valueOf(response.get("body")));
        assertThat(body)
                .containsEntry("functionName", "Echo")
                .containsEntry("memoryLimitInMB", 256)
                .containsEntry("awsRequestId", result.requestId());
        assertThat(((Number) body.get("remainingTimeInMillis")).intValue()).isBetween(1, 3000);
        assertThat((Map<String, Object>) body.get("environment")).containsEntry("GREETING", "hi");
    }

    @Test
    void invoke_shouldTimeOutAsLambdaDoes_andStartAFreshInstanceAfterwards() throws Exception {
        // Given
        LambdaFunction echo = echo(Duration.ofMillis(500), 10);

        // When
        InvocationResult slow =
                echo.invoke(sleepEvent(3_000), Admission.THROTTLE).get();
        InvocationResult next = echo.invoke(echoEvent(), Admission.THROTTLE).get();

        // Then
        assertThat(slow.status()).isEqualTo(InvocationResult.Status.TIMEOUT);
        assertThat(slow.payload()).contains("Task timed out after 0.50 seconds");
        assertThat(log())
                .anyMatch(l -> l.contains(slow.requestId() + " Task timed out after 0.50 seconds"))
                .anyMatch(l ->
                        l.startsWith("[Echo] REPORT RequestId: " + slow.requestId()) && l.endsWith("Status: timeout"));
        assertThat(next.succeeded()).isTrue();
        assertThat(echo.coldStarts()).isEqualTo(2);
    }

    @Test
    void invoke_shouldStopACpuBoundHandler_whenItTimesOut() throws Exception {
        // Given: a handler that spins and never checks for interrupts
        Assumptions.assumeTrue(Runtime.version().feature() < 20, "Thread.stop() is refused from Java 20 on");
        sink = LogSink.file(dir.resolve("lambda.log"));
        function = TestFunctions.host(SpinHandler.class, Duration.ofMillis(300), 128, 1, Map.of(), sink);

        // When
        InvocationResult result = function.invoke("\"go\"", Admission.THROTTLE).get();

        // Then: its instance's thread ends, so it no longer burns CPU, as Lambda would have ended its environment
        assertThat(result.status()).isEqualTo(InvocationResult.Status.TIMEOUT);
        assertThat(Eventually.within(
                        Duration.ofSeconds(10),
                        () -> liveThreads("Spin-instance-").isEmpty()))
                .as("the spinning instance's thread still runs: %s", liveThreads("Spin-instance-"))
                .isTrue();
        long spinsAfterStop = SpinHandler.SPINS.get();
        assertThat(liveThreads("Spin-instance-")).isEmpty();
        assertThat(SpinHandler.SPINS.get()).isEqualTo(spinsAfterStop);
    }

    @Test
    void invoke_shouldThrottle_whenEveryInstanceIsBusy() throws Exception {
        // Given
        LambdaFunction echo = echo(Duration.ofSeconds(3), 1);
        CompletableFuture<InvocationResult> busy = echo.invoke(sleepEvent(700), Admission.THROTTLE);

        // When
        InvocationResult throttled =
                echo.invoke(echoEvent(), Admission.THROTTLE).get();
        InvocationResult waited = echo.invoke(echoEvent(), Admission.WAIT).get();

        // Then
        assertThat(throttled.status()).isEqualTo(InvocationResult.Status.THROTTLED);
        assertThat(throttled.payload()).contains("TooManyRequestsException");
        assertThat(busy.get().succeeded()).isTrue();
        assertThat(waited.succeeded()).isTrue();
    }

    @Test
    void invoke_shouldReportTheHandlersException_asLambdaErrorJson() throws Exception {
        // Given
        LambdaFunction echo = echo(Duration.ofSeconds(3), 10);

        // When
        InvocationResult failed = echo.invoke(ApiEvents.get("/fail", Map.of(), "GET /fail"), Admission.THROTTLE)
                .get();

        // Then
        assertThat(failed.status()).isEqualTo(InvocationResult.Status.ERROR);
        assertThat(JSON.std.mapFrom(failed.payload()))
                .containsEntry("errorType", "java.lang.IllegalStateException")
                .containsEntry("errorMessage", "the echo handler was asked to fail");
    }

    @Test
    void resolve_shouldExplain_whenTheHandlerHasNoEnvironmentConstructor() {
        // Given
        String handler = NoEnvironmentConstructor.class.getName() + "::handleRequest";

        // When / Then
        assertThatThrownBy(() -> HandlerReference.resolve(handler, getClass().getClassLoader()))
                .hasMessageContaining("Map<String,String>");
        assertThatThrownBy(() -> HandlerReference.resolve(
                        "no.such.Handler::handleRequest", getClass().getClassLoader()))
                .hasMessageContaining("not on the classpath");
    }

    /** A handler the local stack cannot host: it has only Lambda's no-argument constructor. */
    public static final class NoEnvironmentConstructor
            implements com.amazonaws.services.lambda.runtime.RequestHandler<String, String> {
        @Override
        public String handleRequest(String input, com.amazonaws.services.lambda.runtime.Context context) {
            return input;
        }
    }
}
