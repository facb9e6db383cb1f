package fiblab.local.testing;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** The fiblab HTTP API as a client sees it, over real HTTP. */
public final class ApiClient {

    private final URI base;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ApiClient(URI base) {
        this.base = base;
    }

    public HttpResponse<String> send(String method, String pathAndQuery, String contentType, byte[] body) {
        return send(method, pathAndQuery, contentType, body, Map.of());
    }

    private HttpResponse<String> send(
            String method, String pathAndQuery, String contentType, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .timeout(Duration.ofSeconds(35))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("content-type", contentType);
        }
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> get(String pathAndQuery) {
        return send("GET", pathAndQuery, null, null);
    }

    public HttpResponse<String> submit(int n, String algorithm) {
        String body = "{\"n\":" + n + ",\"algorithm\":\"" + algorithm + "\"}";
        return send("POST", "/jobs", "application/json", body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** POST /jobs with an Idempotency-Key, so the caller knows the job id before the answer. */
    public HttpResponse<String> submit(int n, String algorithm, String idempotencyKey) {
        String body = "{\"n\":" + n + ",\"algorithm\":\"" + algorithm + "\"}";
        return send(
                "POST",
                "/jobs",
                "application/json",
                body.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                Map.of("Idempotency-Key", idempotencyKey));
    }

    public static Map<String, Object> json(HttpResponse<String> response) {
        try {
            return JSON.std.mapFrom(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }
}
