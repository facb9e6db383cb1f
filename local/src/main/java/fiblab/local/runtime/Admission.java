package fiblab.local.runtime;

/** What happens to an invocation when every instance of the function is busy. */
public enum Admission {
    /** Synchronous invoke (API Gateway): Lambda throttles at once with 429 TooManyRequestsException. */
    THROTTLE,
    /** Event source mapping: the poller waits for concurrency before taking more messages. */
    WAIT
}
