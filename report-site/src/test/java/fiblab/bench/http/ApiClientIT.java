package fiblab.bench.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** The load generator's HTTP/1.1 client against real servers on loopback, in the shapes servers answer. */
class ApiClientIT {

    private static final String OK = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";

    @Test
    void get_shouldReuseOneConnection_andReadFixedAndChunkedBodies() throws Exception {
        // Given a JDK server answering /fixed with a Content-Length and /chunked without one
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/fixed", exchange -> {
            byte[] body = "{\"value\":\"832040\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/chunked", exchange -> {
            exchange.sendResponseHeaders(202, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("{\"jobId\":".getBytes(StandardCharsets.UTF_8));
                out.flush();
                out.write("\"abc\"}".getBytes(StandardCharsets.UTF_8));
            }
        });
        server.setExecutor(null);
        server.start();
        try (ApiClient client = new ApiClient(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()), Duration.ofSeconds(5))) {
            // When one thread sends three requests
            ApiResponse first = client.get("/fixed");
            ApiResponse second = client.postJson("/chunked", "{\"n\": 30}");
            ApiResponse third = client.get("/fixed");

            // Then each body arrives whole, with its status
            assertThat(first).isEqualTo(new ApiResponse(200, "{\"value\":\"832040\"}"));
            assertThat(second).isEqualTo(new ApiResponse(202, "{\"jobId\":\"abc\"}"));
            assertThat(third.statusCode()).isEqualTo(200);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void get_shouldReadToTheEnd_whenAnHttp10ServerClosesAfterEachAnswer() throws Exception {
        // Given a server that answers HTTP/1.0 without a length and closes, as Flask's development server may
        try (ServerSocket server = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread serving = serveOneRequestPerConnection(
                    server,
                    2,
                    new AtomicInteger(),
                    i -> "HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n" + "{\"n\":" + i + "}");
            try (ApiClient client = clientOf(server)) {
                // Then two requests in a row both succeed, each on a new connection
                assertThat(client.get("/fib/0").body()).isEqualTo("{\"n\":0}");
                assertThat(client.get("/fib/1").body()).isEqualTo("{\"n\":1}");
            }
            serving.join(5_000);
        }
    }

    @Test
    void get_shouldRetryOnce_whenTheServerClosedAnIdleKeepAliveConnection() throws Exception {
        // Given a server that keeps a connection open after its first answer, then closes it unused
        try (ServerSocket server = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            AtomicInteger accepted = new AtomicInteger();
            Thread serving = serveOneRequestPerConnection(server, 2, accepted, i -> OK);
            try (ApiClient client = clientOf(server)) {
                assertThat(client.get("/a").body()).isEqualTo("ok");
                Thread.sleep(100);

                // When the next request finds the connection closed, it goes out again on a new one
                assertThat(client.get("/b").body()).isEqualTo("ok");
            }
            serving.join(5_000);
            assertThat(accepted).hasValue(2);
        }
    }

    @Test
    void requests_shouldReuseConnections_acrossLoadThreadsThatComeAndGo() throws Exception {
        // Given a server that counts the connections it accepts
        try (ServerSocket server = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            AtomicInteger accepted = new AtomicInteger();
            Thread serving = new Thread(() -> {
                try (Socket socket = server.accept()) {
                    accepted.incrementAndGet();
                    for (int i = 0; i < 5; i++) {
                        answer(socket, OK);
                    }
                } catch (IOException e) {
                    // the test fails on the count below
                }
            });
            serving.start();
            try (ApiClient client = clientOf(server)) {
                // When five short-lived threads send one request each, one after the other
                for (int i = 0; i < 5; i++) {
                    Thread load = new Thread(() -> {
                        try {
                            assertThat(client.get("/fib/1").body()).isEqualTo("ok");
                        } catch (Exception e) {
                            throw new AssertionError(e);
                        }
                    });
                    load.start();
                    load.join();
                }
            }
            serving.join(5_000);

            // Then they shared one keep-alive connection instead of leaving five open
            assertThat(accepted).hasValue(1);
        }
    }

    @Test
    void get_shouldTimeOut_whenTheServerNeverAnswers() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
                ApiClient client = new ApiClient(
                        URI.create("http://127.0.0.1:" + silent.getLocalPort()), Duration.ofMillis(200))) {
            long start = System.nanoTime();

            assertThatThrownBy(() -> client.get("/fib/30")).isInstanceOf(SocketTimeoutException.class);

            assertThat((System.nanoTime() - start) / 1_000_000).isBetween(150L, 3_000L);
            assertThat(ApiClient.errorKey(new SocketTimeoutException())).isEqualTo("timeout");
        }
    }

    private static ApiClient clientOf(ServerSocket server) {
        return new ApiClient(URI.create("http://127.0.0.1:" + server.getLocalPort()), Duration.ofSeconds(5));
    }

    /**
     * A started thread that accepts {@code connections} connections in turn, counting them, and on
     * each reads one request, answers it with {@code answer} of the connection's index and closes it.
     */
    private static Thread serveOneRequestPerConnection(
            ServerSocket server, int connections, AtomicInteger accepted, IntFunction<String> answer) {
        Thread serving = new Thread(() -> {
            for (int i = 0; i < connections; i++) {
                try (Socket socket = server.accept()) {
                    accepted.incrementAndGet();
                    answer(socket, answer.apply(i));
                } catch (IOException e) {
                    return;
                }
            }
        });
        serving.start();
        return serving;
    }

    /** Reads one request's head from {@code socket} and writes {@code response} back, as it is. */
    private static void answer(Socket socket, String response) throws IOException {
        readRequestHead(socket.getInputStream());
        socket.getOutputStream().write(response.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
    }

    private static void readRequestHead(InputStream in) throws IOException {
        int matched = 0;
        int c;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4 && (c = in.read()) != -1) {
            matched = c == end[matched] ? matched + 1 : (c == '\r' ? 1 : 0);
        }
    }
}
