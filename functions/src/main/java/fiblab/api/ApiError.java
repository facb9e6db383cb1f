package fiblab.api;

/** Every error code the API answers with, and its HTTP status. */
public enum ApiError {
    INVALID_N(400),
    N_OUT_OF_RANGE(400),
    INVALID_ALGORITHM(400),
    INVALID_BODY(400),
    INVALID_JSON(400),
    INVALID_JOB_ID(400),
    INVALID_IDEMPOTENCY_KEY(400),
    ROUTE_NOT_FOUND(404),
    JOB_NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    BODY_TOO_LARGE(413),
    /** A path longer than {@link FibApi#MAX_PATH_LENGTH}: refused before routing looks at it. */
    PATH_TOO_LONG(414),
    UNSUPPORTED_MEDIA_TYPE(415),
    N_TOO_LARGE_FOR_INLINE(422),
    IDEMPOTENCY_KEY_REUSED(422),
    INTERNAL_ERROR(500),
    /** An inline computation ran out of the function's time: only reachable with limits raised past the defaults. */
    COMPUTE_TIMEOUT(504),
    TABLE_UNAVAILABLE(503),
    QUEUE_UNAVAILABLE(503),
    /** More jobs wait in the queue than the backlog limit allows; nothing was recorded. */
    QUEUE_BACKLOG_FULL(503);

    private final int status;

    ApiError(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }
}
