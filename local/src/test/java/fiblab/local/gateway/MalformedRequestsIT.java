package fiblab.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import fiblab.local.log.LogSink;
import fiblab.local.runtime.LambdaFunction;
import fiblab.local.template.HttpRouteDefinition;
import fiblab.local.testing.EchoHandler;
import fiblab.local.testing.TestFunctions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Requests no client library would send, over raw sockets: each gets an answer or a bounded end. */
class MalformedRequestsIT {

    /** {@code POST //jobs} with an empty JSON body: an empty first path segment. */
    private static final String POST_DOUBLE_SLASH_JOBS =
            "POST //jobs HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\n"
                    + "Connection: close\r\n\r\n{}";

    private LambdaFunction function;
    private HttpGateway gateway;
    private final RouteTable<LambdaFunction> routes = new RouteTable<>();

    @BeforeEach
    void start() {
        function = TestFunctions.host(EchoHandler.class, Duration.ofSeconds(5), 128, 10, Map.of(), LogSink.stdout());
        routes.add(new HttpRouteDefinition("Post", "POST", "/jobs"), function);
        routes.add(new HttpRouteDefinition("Get", "GET", "/jobs/{jobId}"), function);
        gateway = HttpGateway.start(routes, 0, Duration.ofSeconds(30), LogSink.stdout(), "000000000000");
    }

    @AfterEach
    void stop() {
        gateway.close();
        function.close();
    }

    /** Sends {@code raw} and reads until the server closes or {@code wait} passes; returns what came back. */
    private String exchange(String raw, Duration wait) throws IOException {
        return exchange(raw.getBytes(StandardCharsets.ISO_8859_1), wait);
    }

    private String exchange(byte[] raw, Duration wait) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", gateway.url().getPort())) {
            socket.setSoTimeout((int) wait.toMillis());
            socket.getOutputStream().write(raw);
            socket.getOutputStream().flush();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[4096];
            try {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    received.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException stillOpen) {
                received.write("<still open>".getBytes(StandardCharsets.ISO_8859_1));
            }
            return received.toString(StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void overflowingChunkSize_shouldGet400BadRequestAsJson_notSilence() throws IOException {
        String response = exchange(
                "POST /jobs HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFFF\r\nabc\r\n",
                Duration.ofSeconds(5));

        // (the JDK server then drains the rest of the body until the request time limit drops it)
        assertThat(response)
                .startsWith("HTTP/1.1 400 ")
                .containsIgnoringCase("content-type: application/json")
                .contains("\r\n\r\n{\"message\":\"Bad Request\"}");
    }

    /** API Gateway's own error answer: the status, its JSON message, no HTML page and no Java names. */
    private static void assertGatewayError(String response, int status, String message) {
        assertThat(response)
                .startsWith("HTTP/1.1 " + status + " ")
                .containsIgnoringCase("content-type: application/json")
                .endsWith("\r\n\r\n{\"message\":\"" + message + "\"}")
                .doesNotContainIgnoringCase("<html")
                .doesNotContain("Exception");
    }

    /** A path the server cannot read is refused before routing, with API Gateway's JSON 400. */
    @ParameterizedTest(name = "{1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "/jobs/%zz       | a bad percent-escape",
                "/jobs/a\0b      | a NUL byte",
                // 0xE9 alone: not ASCII (a URI must percent-encode it) and not UTF-8 either
                "/jobs/caf\u00e9 | a raw non-ASCII byte"
            })
    void unreadablePath_shouldGet400BadRequestAsJson_notAnHtmlPage(String path, String what) throws IOException {
        String response =
                exchange("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", Duration.ofSeconds(5));

        assertGatewayError(response, 400, "Bad Request");
    }

    @Test
    void requestHeadOverTheServersLimit_shouldGetItsErrorAsJson_notAnHtmlPage() throws IOException {
        // A 20,000-character path: refused by the HTTP server itself, before the gateway sees it
        String response = exchange(
                "GET /jobs/" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                Duration.ofSeconds(5));

        assertThat(response)
                .matches("(?s)HTTP/1\\.1 4\\d\\d .*")
                .containsIgnoringCase("content-type: application/json")
                .contains("\r\n\r\n{\"message\":\"")
                .doesNotContainIgnoringCase("<html")
                .doesNotContain("Exception");
    }

    @Test
    void postToDoubleSlashJobs_shouldReachRouting_andGetTheApisJson404_notAnHtmlPage() throws IOException {
        // No route takes an empty first segment and this API has no $default route: routing's 404
        String response = exchange(POST_DOUBLE_SLASH_JOBS, Duration.ofSeconds(5));

        assertGatewayError(response, 404, "Not Found");
    }

    @Test
    void postToDoubleSlashJobs_shouldReachTheDefaultRoute_withItsRawPathAsSent() throws IOException {
        // Given: the fiblab API's shape, a $default route behind the named ones (FibApi collapses the slashes)
        gateway.close();
        routes.add(new HttpRouteDefinition("Default", "ANY", HttpRouteDefinition.DEFAULT_ROUTE), function);
        gateway = HttpGateway.start(routes, 0, Duration.ofSeconds(30), LogSink.stdout(), "000000000000");

        // When
        String response = exchange(POST_DOUBLE_SLASH_JOBS, Duration.ofSeconds(5));

        // Then
        assertThat(response)
                .startsWith("HTTP/1.1 200 ")
                .contains("\"routeKey\":\"$default\"")
                .contains("\"rawPath\":\"//jobs\"");
    }

    @Test
    void stalledRequest_shouldBeDropped_withinTheRequestTimeLimit() throws IOException {
        long start = System.nanoTime();

        // A request head that never ends: closed without an answer once the connection has been idle for
        // IDLE_TIMEOUT (what API Gateway does here is not documented; see the README)
        String response = exchange("POST /jobs HTTP/1.1\r\nHost: x\r\n", Duration.ofSeconds(25));

        assertThat(response).doesNotContain("<still open>");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(HttpGateway.IDLE_TIMEOUT.plusSeconds(10));
    }

    @Test
    void stalledBody_shouldGet408RequestTimeoutAsJson_withinTheIdleTimeout() throws IOException {
        long start = System.nanoTime();

        // A head that promises 10 bytes of body, then 2 bytes and silence
        String response = exchange(
                "POST /jobs HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 10\r\n\r\n{}",
                Duration.ofSeconds(25));

        assertGatewayError(response, 408, "Request Timeout");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(HttpGateway.IDLE_TIMEOUT.plusSeconds(10));
    }

    @Test
    void manyIdleConnections_shouldNotEachHoldAThread_andANormalRequestStillAnswers() throws Exception {
        // Given
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int before = threads.getThreadCount();
        List<Socket> idle = new ArrayList<>();
        try {
            // When: 300 clients connect and say nothing (or stop half way through a request head)
            for (int i = 0; i < 300; i++) {
                Socket socket = new Socket("127.0.0.1", gateway.url().getPort());
                if (i % 2 == 1) {
                    socket.getOutputStream().write("GET /jobs/x HTTP/1.1\r\nHo".getBytes(StandardCharsets.US_ASCII));
                }
                idle.add(socket);
            }
            Thread.sleep(1_000);
            int during = threads.getThreadCount();
            String response =
                    exchange("GET /jobs/abc HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", Duration.ofSeconds(5));

            // Then
            // (a thread per connection would be 300; the gateway's pool stops at MAX_THREADS)
            assertThat(during - before)
                    .as("threads started for 300 idle connections")
                    .isLessThanOrEqualTo(HttpGateway.MAX_THREADS);
            assertThat(response).startsWith("HTTP/1.1 200 ").contains("\"rawPath\":\"/jobs/abc\"");
        } finally {
            for (Socket socket : idle) {
                socket.close();
            }
        }
    }
}
