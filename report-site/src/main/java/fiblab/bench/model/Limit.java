package fiblab.bench.model;

/** The limit that stops a path from delivering at a given load: the quota or resource that binds first. */
public enum Limit {
    NONE("nothing binds: every request is answered within patience"),
    API_THROTTLE("API Gateway's throttle (rate and burst)"),
    API_THROTTLE_WITH_POLLS("API Gateway's throttle, shared by the submits and their clients' status polls"),
    BACKLOG_POLLS_THROTTLED(
            "the worker's concurrency: the backlog grows, and its clients' status polls then fill API Gateway's"
                    + " throttle, which refuses submits"),
    LAMBDA_CONCURRENCY("the function's concurrency (reserved, or the account's)"),
    LAMBDA_SCALING_RATE("Lambda's scaling rate (new execution environments per 10 s)"),
    COMPUTE("compute capacity: requests wait or share CPU until they pass the client's patience"),
    FUNCTION_TIMEOUT("the function's timeout / the HTTP API's 30 s integration timeout"),
    WORKER_CONCURRENCY("the worker's concurrency (MaximumConcurrency, reserved or account): the backlog grows"),
    POLLER_SCALE_UP("the SQS event source's scale-up rate (+300 batches per minute): the backlog grows while it ramps");

    private final String description;

    Limit(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
