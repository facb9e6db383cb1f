package fiblab.local.gateway;

import fiblab.local.log.LogSink;
import fiblab.local.runtime.Admission;
import fiblab.local.runtime.InvocationResult;
import fiblab.local.runtime.LambdaFunction;
import fiblab.local.servers.ServerStartException;
import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The HTTP API: an HTTP server on a loopback port that turns each request into a payload 2.0
 * event for the matched route's function, invokes it in this JVM, and turns its response back
 * into HTTP. Failures are answered as API Gateway answers them: 404 {@code {"message":"Not Found"}}
 * without a route, 500 when the function fails, is throttled or times out, and 503 when the
 * integration runs past the HTTP API's 30 s limit. Requests the HTTP parser refuses (a bad
 * percent-escape, a control or raw non-ASCII byte in the path, a broken chunked body) get
 * 400 {@code {"message":"Bad Request"}}, never an HTML page.
 *
 * <p>The server is Jetty's NIO connector: an idle or half-sent connection waits in a selector, not
 * on a thread; a thread is taken only while a request's head or body is being read and its answer
 * written. The function runs on its own executor and the answer is written when it completes.
 */
public final class HttpGateway implements AutoCloseable {

    /**
     * HTTP APIs give an integration at most 30 s, and that cannot be raised:
     * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-quotas.html
     */
    public static final Duration INTEGRATION_TIMEOUT = Duration.ofSeconds(30);

    /**
     * A connection that sends nothing for this long is closed; a request head or body that stalls
     * this long is answered 408 {@code {"message":"Request Timeout"}} and its connection closed.
     */
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(10);

    /** HTTP API payloads are limited to 10 MB. */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

    /** Threads that read heads and bodies and write answers; idle connections hold none. */
    static final int MAX_THREADS = 64;

    private final RouteTable<LambdaFunction> routes;
    private final Duration integrationTimeout;
    private final LogSink log;
    private final Server server;
    private final ServerConnector connector;
    private final RouteThrottles throttles;
    private HttpApiEventFactory events;

    private HttpGateway(
            RouteTable<LambdaFunction> routes,
            RouteThrottles throttles,
            Duration integrationTimeout,
            LogSink log,
            int port) {
        this.routes = routes;
        this.throttles = throttles;
        this.integrationTimeout = integrationTimeout;
        this.log = log;
        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 4);
        threads.setName("gateway");
        threads.setDaemon(true);
        this.server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        // "//jobs" reaches routing (API Gateway routes it; FibApi collapses the slashes); every
        // other ambiguity Jetty refuses stays refused, and answered by GatewayErrors as JSON
        http.setUriCompliance(
                UriCompliance.DEFAULT.with("fiblab-gateway", UriCompliance.Violation.AMBIGUOUS_EMPTY_SEGMENT));
        this.connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        connector.setAcceptQueueSize(1024);
        connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
        // keep-alive answers must not wait ~40 ms for the client's delayed ACK (Jetty's default; said here)
        connector.setAcceptedTcpNoDelay(true);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                HttpGateway.this.handle(request, response, callback);
                return true;
            }
        });
        server.setErrorHandler(new GatewayErrors());
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
        HttpGateway gateway = new HttpGateway(routes, throttles, integrationTimeout, log, port);
        try {
            gateway.server.start();
        } catch (Exception e) {
            gateway.close();
            if (e instanceof BindException || e.getCause() instanceof BindException) {
                throw new ServerStartException(
                        "port " + port + " on 127.0.0.1 is in use: stop what holds it, or pass"
                                + " --port N (0 = any free port)",
                        e);
            }
            throw new ServerStartException("the gateway cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
        gateway.events = new HttpApiEventFactory(accountId, "local", gateway.connector.getLocalPort());
        return gateway;
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    private void handle(Request request, Response response, Callback callback) {
        String requestId = HttpApiEventFactory.newRequestId();
        CompletableFuture<HttpApiResponse> answer;
        try {
            answer = respond(request, response, requestId);
        } catch (RuntimeException e) {
            log.line("[gateway] " + requestId + " internal error: " + e);
            answer = CompletableFuture.completedFuture(HttpApiResponse.gatewayError(500, "Internal Server Error"));
        }
        answer.whenComplete((result, failure) -> {
            HttpApiResponse sent = result;
            if (failure != null) {
                log.line("[gateway] " + requestId + " internal error: " + failure);
                sent = HttpApiResponse.gatewayError(500, "Internal Server Error");
            }
            send(request, response, callback, sent, requestId);
        });
    }

    private CompletableFuture<HttpApiResponse> respond(Request request, Response response, String requestId) {
        String method = request.getMethod();
        String rawPath = request.getHttpURI().getPath();
        if (rawPath == null || rawPath.isEmpty()) {
            rawPath = "/";
        }
        if (!RawPaths.isWellFormed(rawPath)) {
            // a raw control or non-ASCII byte, or a '%' without two hex digits: no route can see it
            log.line("[gateway] " + requestId + " malformed path refused");
            return done(HttpApiResponse.gatewayError(400, "Bad Request"));
        }
        byte[] body;
        try {
            InputStream in = Content.Source.asInputStream(request);
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        } catch (IOException | RuntimeException unreadable) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
            if (stalled(unreadable)) {
                // the body stopped arriving for IDLE_TIMEOUT
                log.line("[gateway] " + requestId + " request body stalled, answering 408");
                return done(HttpApiResponse.gatewayError(408, "Request Timeout"));
            }
            // a broken chunked body (an overflowing chunk size, a bad chunk line): refused as API Gateway does
            log.line("[gateway] " + requestId + " unreadable request body: " + unreadable.getMessage());
            return done(HttpApiResponse.gatewayError(400, "Bad Request"));
        }
        if (body.length > MAX_BODY_BYTES) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
            return done(HttpApiResponse.gatewayError(413, "Request Entity Too Large"));
        }
        var match = routes.match(method, rawPath);
        if (match.isEmpty()) {
            return done(HttpApiResponse.gatewayError(404, "Not Found"));
        }
        String routeKey = match.get().route().routeKey();
        if (!throttles.admit(routeKey)) {
            return done(HttpApiResponse.gatewayError(429, "Too Many Requests"));
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpField field : request.getHeaders()) {
            headers.computeIfAbsent(field.getName(), name -> new java.util.ArrayList<>())
                    .add(field.getValue());
        }
        GatewayRequest gatewayRequest = new GatewayRequest(
                method,
                rawPath,
                request.getHttpURI().getQuery(),
                request.getConnectionMetaData().getProtocol(),
                headers,
                body,
                Request.getRemoteAddr(request));
        String event = events.create(gatewayRequest, routeKey, match.get().pathParameters(), requestId);
        // a copy, so the timeout ends the wait, not the invocation: the function goes on running
        // until its own Timeout, as in AWS
        return match.get()
                .target()
                .invoke(event, Admission.THROTTLE)
                .copy()
                .orTimeout(integrationTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .handle((result, failure) -> answer(result, failure, routeKey, requestId));
    }

    private HttpApiResponse answer(InvocationResult result, Throwable failure, String routeKey, String requestId) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof TimeoutException) {
            log.line("[gateway] " + requestId + " " + routeKey + ": integration timeout after "
                    + integrationTimeout.toSeconds() + " s");
            return HttpApiResponse.gatewayError(503, "Service Unavailable");
        }
        if (cause != null) {
            return HttpApiResponse.gatewayError(500, "Internal Server Error");
        }
        if (result.succeeded()) {
            return HttpApiResponse.fromLambda(result.payload());
        }
        // A failed, timed-out or throttled (429) invocation reaches the client as API Gateway's 500
        log.line("[gateway] " + requestId + " " + routeKey + ": invocation " + result.status() + ", answering 500");
        return HttpApiResponse.gatewayError(500, "Internal Server Error");
    }

    private static boolean stalled(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static CompletableFuture<HttpApiResponse> done(HttpApiResponse response) {
        return CompletableFuture.completedFuture(response);
    }

    private static void send(
            Request request, Response response, Callback callback, HttpApiResponse answer, String requestId) {
        response.setStatus(answer.status());
        var headers = response.getHeaders();
        for (Map.Entry<String, List<String>> header : answer.headers().entrySet()) {
            if (!header.getKey().equalsIgnoreCase("content-length")) {
                for (String value : header.getValue()) {
                    headers.add(header.getKey(), value);
                }
            }
        }
        headers.put("apigw-requestid", requestId);
        headers.put(HttpHeader.CONTENT_LENGTH, answer.body().length);
        if (answer.body().length == 0) {
            callback.succeeded();
        } else {
            // (for HEAD, Jetty sends the head and drops the body)
            response.write(true, ByteBuffer.wrap(answer.body()), callback);
        }
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            log.line("[gateway] stopping: " + e);
        }
    }
}
