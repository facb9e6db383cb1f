package fiblab.bench.http;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * The fiblab HTTP API as the benchmark sees it: plain HTTP/1.1 with keep-alive. Requests are sent
 * synchronously from the load threads over connections taken from an idle pool and given back
 * after the answer, so open connections never exceed the requests in flight, survive the load
 * threads of one run for the next, and all the generator's work runs on threads named
 * {@code bench-*}, where its CPU time is counted.
 */
public final class ApiClient implements AutoCloseable {

    /** Thread-name prefix of every thread the benchmark itself runs. */
    public static final String THREAD_PREFIX = "bench-";

    private final URI base;
    private final Duration requestTimeout;
    private final Deque<HttpConnection> idle = new ConcurrentLinkedDeque<>();
    private volatile boolean closed;

    private final RequestSigner signer;

    public ApiClient(URI base, Duration requestTimeout) {
        this(base, requestTimeout, RequestSigner.NONE);
    }

    /** A client whose every request carries {@code signer}'s headers (SigV4 for an IAM-authorized API). */
    public ApiClient(URI base, Duration requestTimeout, RequestSigner signer) {
        this.base = stripTrailingSlash(base);
        this.requestTimeout = requestTimeout;
        this.signer = signer;
    }

    public URI base() {
        return base;
    }

    public Duration requestTimeout() {
        return requestTimeout;
    }

    public ApiResponse get(String pathAndQuery) throws IOException, InterruptedException {
        return send("GET", pathAndQuery, null, null);
    }

    public ApiResponse postJson(String path, String json) throws IOException, InterruptedException {
        return send("POST", path, "application/json", json);
    }

    /** The short error key of a failed exchange: {@code timeout} or {@code io}. */
    public static String errorKey(IOException e) {
        return e instanceof SocketTimeoutException ? "timeout" : "io";
    }

    @Override
    public void close() {
        closed = true;
        for (HttpConnection connection = idle.pollFirst(); connection != null; connection = idle.pollFirst()) {
            connection.close();
        }
    }

    private ApiResponse send(String method, String pathAndQuery, String contentType, String body)
            throws IOException, InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        String target = base.getRawPath() + pathAndQuery;
        // nothing per request for an unsigned API: the load generator's own CPU is measured
        Map<String, String> auth = signer == RequestSigner.NONE
                ? Map.of()
                : signer.headers(
                        method,
                        URI.create(base.getScheme() + "://" + base.getRawAuthority() + target),
                        body == null ? new byte[0] : body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        HttpConnection connection = borrow();
        ApiResponse response;
        try {
            response = connection.exchange(method, target, contentType, body, auth, requestTimeout);
        } catch (IOException failure) {
            connection.close();
            if (failure instanceof SocketTimeoutException || !connection.wasUsedBefore()) {
                throw failure;
            }
            // A keep-alive connection the server had already closed: one new connection, one more try.
            connection = open();
            try {
                response = connection.exchange(method, target, contentType, body, auth, requestTimeout);
            } catch (IOException again) {
                connection.close();
                throw again;
            }
        }
        giveBack(connection);
        return response;
    }

    /** An idle keep-alive connection, or a new one: never more open than requests in flight. */
    private HttpConnection borrow() throws IOException {
        for (HttpConnection idle = this.idle.pollFirst(); idle != null; idle = this.idle.pollFirst()) {
            if (idle.isOpen()) {
                return idle;
            }
        }
        return open();
    }

    private HttpConnection open() throws IOException {
        if (closed) {
            throw new IOException("the client is closed");
        }
        return new HttpConnection(base);
    }

    private void giveBack(HttpConnection connection) {
        if (!connection.isOpen()) {
            return;
        }
        idle.offerFirst(connection);
        if (closed && idle.remove(connection)) {
            connection.close();
        }
    }

    private static URI stripTrailingSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri;
    }
}
