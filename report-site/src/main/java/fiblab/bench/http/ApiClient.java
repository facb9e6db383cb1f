package fiblab.bench.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fiblab HTTP API as the benchmark sees it: plain HTTP/1.1 over java.net.http. Requests are
 * sent synchronously from the load threads, so open connections never exceed the number of load
 * threads. The client's own threads are named {@code bench-http-*} so their CPU time can be counted.
 */
public final class ApiClient implements AutoCloseable {

    /** Thread-name prefix of every thread the benchmark itself runs. */
    public static final String THREAD_PREFIX = "bench-";

    private final URI base;
    private final Duration requestTimeout;
    private final ExecutorService executor;
    private final HttpClient client;

    public ApiClient(URI base, Duration requestTimeout) {
        this.base = stripTrailingSlash(base);
        this.requestTimeout = requestTimeout;
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, THREAD_PREFIX + "http-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
    }

    public URI base() {
        return base;
    }

    public Duration requestTimeout() {
        return requestTimeout;
    }

    public HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return client.send(request(pathAndQuery).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
        HttpRequest request = request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The short error key of a failed exchange: {@code timeout} or {@code io}. */
    public static String errorKey(IOException e) {
        return e instanceof HttpTimeoutException ? "timeout" : "io";
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(requestTimeout);
    }

    private static URI stripTrailingSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri;
    }
}
