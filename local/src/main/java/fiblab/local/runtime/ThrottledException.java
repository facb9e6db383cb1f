package fiblab.local.runtime;

/** Lambda's 429 TooManyRequestsException: the function's concurrency is exhausted. */
public final class ThrottledException extends Exception {

    public ThrottledException(String functionName) {
        super("Rate Exceeded: " + functionName + " reached its concurrency limit (TooManyRequestsException)");
    }
}
