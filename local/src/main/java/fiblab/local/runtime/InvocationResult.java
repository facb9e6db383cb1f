package fiblab.local.runtime;

import java.time.Duration;

/**
 * How one invocation ended.
 *
 * @param payload the response JSON on success, else Lambda's error JSON ({@code errorMessage}, {@code errorType})
 */
public record InvocationResult(String requestId, Status status, String payload, Duration duration) {

    public enum Status {
        SUCCESS,
        ERROR,
        TIMEOUT,
        THROTTLED,
        INIT_ERROR
    }

    public boolean succeeded() {
        return status == Status.SUCCESS;
    }
}
