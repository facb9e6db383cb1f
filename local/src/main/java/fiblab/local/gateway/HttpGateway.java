package fiblab.local.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import fiblab.local.log.LogSink;
import fiblab.local.runtime.Admission;
import fiblab.local.runtime.InvocationResult;
import fiblab.local.runtime.LambdaFunction;
import fiblab.local.servers.ServerStartException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The HTTP API: an HTTP server on a loopback port that turns each request into a payload 2.0
 * event for the matched route's function, invokes it in this JVM, and turns its response back
 * into HTTP. Failures are answered as API Gateway answers them: 404 {@code {"message":"Not Found"}}
 * without a route, 500 when the function fails, is throttled or times out, and 503 when the
 * integration runs past the HTTP API's 30 s limit.
 */
public final class HttpGateway implements AutoCloseable {

    /**
     * HTTP APIs give an integration at most 30 s, and that cannot be raised:
     * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-quotas.html
     */
    public static final Duration INTEGRATION_TIMEOUT = Duration.ofSeconds(30);

    /** The JDK server's own setting, read once when the first server is created. */
    static final String MAX_REQUEST_SECONDS_PROPERTY = "sun.net.httpserver.maxReqTime";

    static final int MAX_REQUEST_SECONDS = 10;

    /** HTTP API payloads are limited to 10 MB. */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

    static {
        // The JDK server leaves TCP_NODELAY off, so each keep-alive response waits ~40 ms for the
        // client's delayed ACK. The property is read once, when the first server is created.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        // A request whose head and body have not arrived within this many seconds is dropped, and
        // the thread reading it freed: without it a stalled client holds a thread forever.
        if (System.getProperty(MAX_REQUEST_SECONDS_PROPERTY) == null) {
            System.setProperty(MAX_REQUEST_SECONDS_PROPERTY, String.valueOf(MAX_REQUEST_SECONDS));
        }
    }

    private final RouteTable<LambdaFunction> routes;
    private final Duration integrationTimeout;
    private final LogSink log;
    private final ExecutorService executor;
    private final HttpServer server;
    private final HttpApiEventFactory events;
    private final RouteThrottles throttles;

    private HttpGateway(
            RouteTable<LambdaFunction> routes,
            RouteThrottles throttles,
            Duration integrationTimeout,
            LogSink log,
            int port,
            String accountId)
            throws IOException {
        this.routes = routes;
        this.throttles = throttles;
        this.integrationTimeout = integrationTimeout;
        this.log = log;
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "gateway");
            t.setDaemon(true);
            return t;
        });
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
        this.events =
                new HttpApiEventFactory(accountId, "local", server.getAddress().getPort());
        server.createContext("/", this::handle);
        server.setExecutor(executor);
    }

    /**
     * Starts serving on 127.0.0.1:{@code port} (0 = any free port).
     *
     * @param integrationTimeout {@link #INTEGRATION_TIMEOUT} except in tests that cannot wait 30 s
     */
    public static HttpGateway start(
            RouteTable<LambdaFunction> routes, int port, Duration integrationTimeout, LogSink log, String accountId) {
        return start(routes, RouteThrottles.NONE, port, integrationTimeout, log, accountId);
    }

    /** Starts serving, throttling each route as its HTTP API stage does: 429 past the bucket. */
    public static HttpGateway start(
            RouteTable<LambdaFunction> routes,
            RouteThrottles throttles,
            int port,
            Duration integrationTimeout,
            LogSink log,
            String accountId) {
        HttpGateway gateway;
        try {
            gateway = new HttpGateway(routes, throttles, integrationTimeout, log, port, accountId);
        } catch (BindException e) {
            throw new ServerStartException(
                    "port " + port + " on 127.0.0.1 is in use: stop what holds it, or pass"
                            + " --port N (0 = any free port)",
                    e);
        } catch (IOException e) {
            throw new ServerStartException("the gateway cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
        gateway.server.start();
        return gateway;
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        String requestId = HttpApiEventFactory.newRequestId();
        HttpApiResponse response;
        try {
            response = respond(exchange, requestId);
        } catch (RuntimeException e) {
            log.line("[gateway] " + requestId + " internal error: " + e);
            response = HttpApiResponse.gatewayError(500, "Internal Server Error");
        }
        send(exchange, response, requestId);
    }

    private HttpApiResponse respond(HttpExchange exchange, String requestId) throws IOException {
        URI uri = exchange.getRequestURI();
        String method = exchange.getRequestMethod();
        byte[] body;
        InputStream in = exchange.getRequestBody();
        try {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
            in.close();
        } catch (IOException unreadable) {
            // not closed here: closing drains the rest of the body, which would block before the answer
            // a broken chunked body (an overflowing chunk size, a bad chunk line): refused as API Gateway does
            log.line("[gateway] " + requestId + " unreadable request body: " + unreadable.getMessage());
            exchange.getResponseHeaders().set("connection", "close");
            return HttpApiResponse.gatewayError(400, "Bad Request");
        }
        if (body.length > MAX_BODY_BYTES) {
            return HttpApiResponse.gatewayError(413, "Request Entity Too Large");
        }
        String rawPath = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        var match = routes.match(method, rawPath);
        if (match.isEmpty()) {
            return HttpApiResponse.gatewayError(404, "Not Found");
        }
        if (!throttles.admit(match.get().route().routeKey())) {
            return HttpApiResponse.gatewayError(429, "Too Many Requests");
        }
        GatewayRequest request = new GatewayRequest(
                method,
                rawPath,
                uri.getRawQuery(),
                exchange.getProtocol(),
                exchange.getRequestHeaders(),
                body,
                exchange.getRemoteAddress().getAddress().getHostAddress());
        String event = events.create(
                request, match.get().route().routeKey(), match.get().pathParameters(), requestId);
        CompletableFuture<InvocationResult> invocation = match.get().target().invoke(event, Admission.THROTTLE);
        InvocationResult result;
        try {
            result = invocation.get(integrationTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // the function goes on running until its own Timeout, as in AWS
            log.line("[gateway] " + requestId + " " + match.get().route().routeKey() + ": integration timeout after "
                    + integrationTimeout.toSeconds() + " s");
            return HttpApiResponse.gatewayError(503, "Service Unavailable");
        } catch (ExecutionException e) {
            return HttpApiResponse.gatewayError(500, "Internal Server Error");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HttpApiResponse.gatewayError(503, "Service Unavailable");
        }
        if (result.succeeded()) {
            return HttpApiResponse.fromLambda(result.payload());
        }
        // A failed, timed-out or throttled (429) invocation reaches the client as API Gateway's 500
        log.line("[gateway] " + requestId + " " + match.get().route().routeKey() + ": invocation " + result.status()
                + ", answering 500");
        return HttpApiResponse.gatewayError(500, "Internal Server Error");
    }

    private static void send(HttpExchange exchange, HttpApiResponse response, String requestId) throws IOException {
        var headers = exchange.getResponseHeaders();
        for (Map.Entry<String, List<String>> header : response.headers().entrySet()) {
            if (!header.getKey().equalsIgnoreCase("content-length")) {
                headers.put(header.getKey(), header.getValue());
            }
        }
        headers.set("apigw-requestid", requestId);
        boolean noBody =
                response.body().length == 0 || exchange.getRequestMethod().equalsIgnoreCase("HEAD");
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : response.body().length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
