package fiblab.api;

import java.util.Map;

/** A request the API answers with an error body; {@code headers} go on the response (Allow, Retry-After). */
public final class ApiException extends RuntimeException {

    private final ApiError error;
    private final Map<String, String> headers;

    public ApiException(ApiError error, String message) {
        this(error, message, Map.of());
    }

    public ApiException(ApiError error, String message, Map<String, String> headers) {
        super(message, null, false, false);
        this.error = error;
        this.headers = headers;
    }

    public ApiError error() {
        return error;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
