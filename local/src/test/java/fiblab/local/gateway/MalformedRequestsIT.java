package fiblab.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import fiblab.local.log.LogSink;
import fiblab.local.runtime.FunctionConfiguration;
import fiblab.local.runtime.HandlerReference;
import fiblab.local.runtime.LambdaFunction;
import fiblab.local.template.HttpRouteDefinition;
import fiblab.local.testing.EchoHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Requests no client library would send, over raw sockets: each gets an answer or a bounded end. */
class MalformedRequestsIT {

    private LambdaFunction function;
    private HttpGateway gateway;

    @BeforeEach
    void start() {
        FunctionConfiguration configuration = new FunctionConfiguration(
                "Echo",
                "arn:aws:lambda:us-east-1:0:function:Echo",
                EchoHandler.class.getName() + "::handleRequest",
                Duration.ofSeconds(5),
                128,
                10,
                Map.of());
        function = new LambdaFunction(
                configuration,
                HandlerReference.resolve(configuration.handler(), getClass().getClassLoader()),
                LogSink.stdout());
        RouteTable<LambdaFunction> routes = new RouteTable<>();
        routes.add(new HttpRouteDefinition("Post", "POST", "/jobs"), function);
        gateway = HttpGateway.start(routes, 0, Duration.ofSeconds(30), LogSink.stdout(), "000000000000");
    }

    @AfterEach
    void stop() {
        gateway.close();
        function.close();
    }

    /** Sends {@code raw} and reads until the server closes or {@code wait} passes; returns what came back. */
    private String exchange(String raw, Duration wait) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", gateway.url().getPort())) {
            socket.setSoTimeout((int) wait.toMillis());
            socket.getOutputStream().write(raw.getBytes(StandardCharsets.ISO_8859_1));
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
                .contains("Content-type: application/json")
                .contains("\r\n\r\n{\"message\":\"Bad Request\"}");
    }

    @Test
    void stalledRequest_shouldBeDropped_withinTheRequestTimeLimit() throws IOException {
        long start = System.nanoTime();

        // A request head that never ends
        String response = exchange("POST /jobs HTTP/1.1\r\nHost: x\r\n", Duration.ofSeconds(25));

        assertThat(response).doesNotContain("<still open>");
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .isLessThan(Duration.ofSeconds(HttpGateway.MAX_REQUEST_SECONDS + 10));
    }
}
