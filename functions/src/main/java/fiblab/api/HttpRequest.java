package fiblab.api;

import java.util.Map;

/**
 * An HTTP request as the API core sees it, free of any AWS type. Header names are lower case;
 * {@code body} is already decoded (null when there is none).
 */
public record HttpRequest(
        String method, String path, Map<String, String> query, Map<String, String> headers, String body) {

    public HttpRequest {
        query = query == null ? Map.of() : query;
        headers = headers == null ? Map.of() : headers;
    }

    public String header(String lowerCaseName) {
        return headers.get(lowerCaseName);
    }
}
