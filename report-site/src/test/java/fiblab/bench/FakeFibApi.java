package fiblab.bench;

import com.fasterxml.jackson.jr.ob.JSON;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small but real HTTP server that speaks fiblab's API contract (README, "The API"): inline naive/fast
 * compute with an inline limit, and jobs run by a worker pool. Tests drive the load generator
 * and path drivers against it over real sockets on a free loopback port.
 */
public final class FakeFibApi implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService requestThreads = Executors.newFixedThreadPool(16);
    private final ExecutorService workers;
    private final Map<String, Map<String, Object>> jobs = new ConcurrentHashMap<>();
    private final int inlineLimit;
    private volatile boolean jobsNeverFinish;

    public FakeFibApi(int inlineLimit, int workerThreads) throws IOException {
        this.inlineLimit = inlineLimit;
        this.workers = Executors.newFixedThreadPool(workerThreads);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(requestThreads);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Jobs are accepted but stay PENDING: the client's job timeout must end the wait. */
    public void jobsNeverFinish() {
        this.jobsNeverFinish = true;
    }

    @Override
    public void close() {
        server.stop(0);
        requestThreads.shutdownNow();
        workers.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if ("GET".equals(method) && path.startsWith("/fib/")) {
                inline(
                        exchange,
                        Integer.parseInt(path.substring(5)),
                        algorithm(exchange.getRequestURI().getQuery()));
            } else if ("POST".equals(method) && "/jobs".equals(path)) {
                submit(exchange);
            } else if ("GET".equals(method) && path.startsWith("/jobs/")) {
                Map<String, Object> job = jobs.get(path.substring(6));
                if (job == null) {
                    send(exchange, 404, Map.of("error", "NOT_FOUND", "message", "no such job"));
                } else {
                    synchronized (job) {
                        send(exchange, 200, new LinkedHashMap<>(job));
                    }
                }
            } else {
                send(exchange, 404, Map.of("error", "NOT_FOUND", "message", "unknown route " + path));
            }
        }
    }

    private void inline(HttpExchange exchange, int n, String algorithm) throws IOException {
        if ("naive".equals(algorithm) && n > inlineLimit) {
            send(
                    exchange,
                    422,
                    Map.of("error", "N_TOO_LARGE_FOR_INLINE", "message", "n > " + inlineLimit + ": submit a job"));
            return;
        }
        long t0 = System.nanoTime();
        String value = compute(n, algorithm);
        long micros = (System.nanoTime() - t0) / 1_000;
        exchange.getResponseHeaders().add("Server-Timing", "compute;dur=" + micros / 1_000.0);
        send(exchange, 200, Map.of("n", n, "algorithm", algorithm, "value", value, "computeMicros", micros));
    }

    private void submit(HttpExchange exchange) throws IOException {
        Map<String, Object> body = JSON.std.mapFrom(exchange.getRequestBody().readAllBytes());
        int n = ((Number) body.get("n")).intValue();
        String algorithm = String.valueOf(body.getOrDefault("algorithm", "naive"));
        String id = UUID.randomUUID().toString();
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("jobId", id);
        job.put("status", "PENDING");
        job.put("n", n);
        job.put("algorithm", algorithm);
        job.put("submittedAt", System.currentTimeMillis());
        job.put("attempts", 0);
        jobs.put(id, job);
        if (!jobsNeverFinish) {
            workers.submit(() -> work(job, n, algorithm));
        }
        exchange.getResponseHeaders().add("Location", "/jobs/" + id);
        exchange.getResponseHeaders().add("Retry-After", "1");
        synchronized (job) {
            send(exchange, 202, new LinkedHashMap<>(job));
        }
    }

    private void work(Map<String, Object> job, int n, String algorithm) {
        long startedAt = System.currentTimeMillis();
        synchronized (job) {
            job.put("status", "RUNNING");
            job.put("startedAt", startedAt);
            job.put("attempts", 1);
            job.put("queueMillis", startedAt - (Long) job.get("submittedAt"));
        }
        long t0 = System.nanoTime();
        String value = compute(n, algorithm);
        long micros = (System.nanoTime() - t0) / 1_000;
        synchronized (job) {
            job.put("value", value);
            job.put("computeMicros", micros);
            job.put("completedAt", System.currentTimeMillis());
            job.put("status", "DONE");
        }
    }

    private static String compute(int n, String algorithm) {
        return "fast".equals(algorithm) ? iterative(n).toString() : Long.toString(naive(n));
    }

    /** fib(n) by plain iteration: an oracle that shares no code with the functions' fast doubling. */
    static java.math.BigInteger iterative(int n) {
        java.math.BigInteger a = java.math.BigInteger.ZERO;
        java.math.BigInteger b = java.math.BigInteger.ONE;
        for (int i = 0; i < n; i++) {
            java.math.BigInteger next = a.add(b);
            a = b;
            b = next;
        }
        return a;
    }

    static long naive(int n) {
        return n < 2 ? n : naive(n - 1) + naive(n - 2);
    }

    private static String algorithm(String query) {
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith("algorithm=")) {
                    return pair.substring("algorithm=".length());
                }
            }
        }
        return "naive";
    }

    private static void send(HttpExchange exchange, int status, Map<String, Object> body) throws IOException {
        byte[] bytes = JSON.std.asString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
