package fiblab.local.bench;

import com.sun.net.httpserver.HttpServer;
import fiblab.local.LocalStack;
import fiblab.local.LocalStackOptions;
import fiblab.local.testing.HandoffWorker;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A small, bounded measurement of what the emulation itself costs (not a test; run by hand):
 * gateway round trips to a function that does no work, against a bare JDK HTTP server answering
 * the same bytes, and the SQS-to-worker hand-off latency through ElasticMQ and the pollers.
 * One client, keep-alive, sequential requests: latency, not throughput.
 */
public final class EmulationOverheadBenchmark {

    private static final int WARMUP = Integer.getInteger("bench.warmup", 2_000);
    private static final int REQUESTS = Integer.getInteger("bench.requests", 3_000);
    private static final int MESSAGES = Integer.getInteger("bench.messages", 300);

    private EmulationOverheadBenchmark() {}

    public static void main(String[] args) throws Exception {
        // The bare JDK server compared against leaves TCP_NODELAY off unless told (the gateway, on
        // Jetty, has it on): without it every keep-alive answer waits ~40 ms for a delayed ACK
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        System.out.println("sun.net.httpserver.nodelay=" + System.getProperty("sun.net.httpserver.nodelay"));
        Path template = Path.of(EmulationOverheadBenchmark.class
                .getResource("/bench-template.yaml")
                .toURI());
        Path log = Files.createTempFile("bench-stack", ".log");
        try (LocalStack stack = LocalStack.start(
                LocalStackOptions.defaults(template).withPort(0).withLogFile(log))) {
            HttpServer bare = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            bare.createContext("/", exchange -> {
                exchange.getRequestBody().readAllBytes();
                exchange.getResponseHeaders().set("content-type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            bare.start();
            HttpClient client =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            URI bareUri = URI.create("http://127.0.0.1:" + bare.getAddress().getPort() + "/noop");
            URI gatewayUri = URI.create(stack.apiUrl() + "/noop");
            long[] bareNanos = roundTrips(client, bareUri);
            long[] gatewayNanos = roundTrips(client, gatewayUri);
            bare.stop(0);
            report("bare JDK HttpServer     ", bareNanos);
            report("gateway + noop function ", gatewayNanos);
            System.out.printf(
                    Locale.ROOT,
                    "gateway overhead per request: p50 %.3f ms, p99 %.3f ms (difference of the percentiles)%n",
                    (percentile(gatewayNanos, 50) - percentile(bareNanos, 50)) / 1e6,
                    (percentile(gatewayNanos, 99) - percentile(bareNanos, 99)) / 1e6);

            try (SqsClient sqs = stack.endpoints().sqsClient()) {
                String queue = stack.ref("BenchQueue");
                for (int i = 0; i < MESSAGES; i++) {
                    sqs.sendMessage(r -> r.queueUrl(queue).messageBody(Long.toString(System.nanoTime())));
                    Thread.sleep(20);
                }
                long deadline = System.nanoTime() + 30_000_000_000L;
                while (HandoffWorker.LATENCIES_NANOS.size() < MESSAGES && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
            }
            long[] handoff = HandoffWorker.LATENCIES_NANOS.stream()
                    .mapToLong(Long::longValue)
                    .toArray();
            report("SQS send -> worker start", handoff);
        }
    }

    private static long[] roundTrips(HttpClient client, URI uri) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri).build();
        for (int i = 0; i < WARMUP; i++) {
            client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        }
        long[] nanos = new long[REQUESTS];
        for (int i = 0; i < REQUESTS; i++) {
            long start = System.nanoTime();
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            nanos[i] = System.nanoTime() - start;
            if (response.statusCode() != 200) {
                throw new IllegalStateException("status " + response.statusCode());
            }
        }
        return nanos;
    }

    private static void report(String name, long[] nanos) {
        System.out.printf(
                Locale.ROOT,
                "%s n=%d  p50 %.3f ms  p90 %.3f ms  p99 %.3f ms  max %.3f ms%n",
                name,
                nanos.length,
                percentile(nanos, 50) / 1e6,
                percentile(nanos, 90) / 1e6,
                percentile(nanos, 99) / 1e6,
                percentile(nanos, 100) / 1e6);
    }

    private static double percentile(long[] nanos, double p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
