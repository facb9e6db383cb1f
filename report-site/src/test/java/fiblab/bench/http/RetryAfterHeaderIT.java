package fiblab.bench.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import com.sun.net.httpserver.HttpServer;
import fiblab.bench.stack.LocalTarget;
import fiblab.bench.stack.Target;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The client reads Retry-After, which the polling-policy comparison's polite client honours, and the API sets it per n. */
class RetryAfterHeaderIT {

    @Test
    void response_shouldCarryRetryAfterSeconds_andMinusOne_whenAbsentOrADate() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/seconds", exchange -> answer(exchange, "3"));
        server.createContext("/date", exchange -> answer(exchange, "Wed, 21 Oct 2026 07:28:00 GMT"));
        server.createContext("/none", exchange -> answer(exchange, null));
        server.start();
        try (ApiClient client = new ApiClient(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()), Duration.ofSeconds(5))) {
            assertThat(client.get("/seconds").retryAfterSeconds()).isEqualTo(3);
            assertThat(client.get("/date").retryAfterSeconds()).isEqualTo(-1);
            assertThat(client.get("/none").retryAfterSeconds()).isEqualTo(-1);
            assertThat(client.get("/seconds").body()).isEqualTo("{}");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void localStack_shouldAskForLongerWaits_forJobsThatTakeLonger() throws Exception {
        // Given the local stack from the real template
        try (Target target = LocalTarget.start(
                        Path.of("..", "template.yaml"), Map.of(), Path.of("target", "retry-after-it", "stack.log"));
                ApiClient client = new ApiClient(target.apiUrl(), Duration.ofSeconds(10))) {
            // When a client submits naive fib(30) and fib(42)
            ApiResponse quick = client.postJson("/jobs", "{\"n\":30}");
            ApiResponse slow = client.postJson("/jobs", "{\"n\":42}");
            String slowId = String.valueOf(JSON.std.mapFrom(slow.body()).get("jobId"));
            ApiResponse slowStatus = client.get("/jobs/" + slowId);

            // Then the quick job's 202 asks for 1 s; the slow one's for its estimated 2 s, and so does its
            // status while nothing has computed it yet (a running job is asked what is left, at least 1 s)
            assertThat(quick.statusCode()).isEqualTo(202);
            assertThat(quick.retryAfterSeconds()).isEqualTo(1);
            assertThat(slow.statusCode()).isEqualTo(202);
            assertThat(slow.retryAfterSeconds()).isEqualTo(2);
            assertThat(slowStatus.retryAfterSeconds()).isBetween(1, 2);
        }
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, String retryAfter)
            throws java.io.IOException {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        if (retryAfter != null) {
            exchange.getResponseHeaders().add("Retry-After", retryAfter);
        }
        exchange.sendResponseHeaders(202, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
