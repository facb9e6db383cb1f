package fiblab.bench.model;

/** What one modelled request or job ended as, in the terms a client sees. */
public enum Outcome {
    /** The right answer, within the client's patience. */
    OK,
    /** API Gateway's token bucket was empty: 429. */
    API_THROTTLED,
    /** Every execution environment the function may have was busy: Lambda refuses (429 inside; the HTTP API answers 500). */
    LAMBDA_CONCURRENCY,
    /** A new execution environment was needed faster than Lambda's scaling rate allows (same answer as above). */
    LAMBDA_SCALING,
    /** The inline computation reached its deadline a second before the function's timeout: 504. */
    COMPUTE_TIMEOUT,
    /** The HTTP API's 30 s integration timeout: 503. */
    INTEGRATION_TIMEOUT,
    /** The client stopped waiting (its patience) before the answer came. */
    CLIENT_TIMEOUT
}
