package fiblab.api;

import fiblab.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An HTTP response with a JSON body. {@code cause} is never sent: it is the internal reason behind
 * an error answer (names of tables and queues, SDK text), for the handler's log line; null if none.
 */
public record HttpResponse(int status, Map<String, String> headers, String body, String cause) {

    public HttpResponse(int status, Map<String, String> headers, String body) {
        this(status, headers, body, null);
    }

    /** The same response, with the internal reason the handler logs beside it. */
    public HttpResponse withCause(String internalReason) {
        return new HttpResponse(status, headers, body, internalReason);
    }

    public static HttpResponse json(int status, Map<String, ?> body, Map<String, String> extraHeaders) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/json");
        headers.putAll(extraHeaders);
        return new HttpResponse(status, headers, Json.write(body));
    }

    public static HttpResponse error(ApiError error, String message, Map<String, String> extraHeaders) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error.name());
        body.put("message", message);
        return json(error.status(), body, extraHeaders);
    }
}
