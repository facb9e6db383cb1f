package fiblab.bench.http;

/**
 * One HTTP answer as the benchmark needs it: the status, the body, and the {@code Retry-After}
 * header in whole seconds (-1 when absent or not a number of seconds), which polite pollers honour.
 */
public record ApiResponse(int statusCode, String body, int retryAfterSeconds) {

    public ApiResponse(int statusCode, String body) {
        this(statusCode, body, -1);
    }
}
