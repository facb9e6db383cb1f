package fiblab.bench.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The client reads Retry-After, which the polling-policy comparison's polite client honours. */
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
