package fiblab.api;

import fiblab.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/** An HTTP response with a JSON body. */
public record HttpResponse(int status, Map<String, String> headers, String body) {

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
