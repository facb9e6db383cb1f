package fiblab.config;

/** Every environment variable the functions read, in one place. */
public final class EnvironmentVariables {

    public static final String TABLE_NAME = "TABLE_NAME";
    public static final String QUEUE_URL = "QUEUE_URL";
    public static final String INLINE_NAIVE_MAX_N = "INLINE_NAIVE_MAX_N";
    public static final String ASYNC_NAIVE_MAX_N = "ASYNC_NAIVE_MAX_N";
    public static final String FAST_MAX_N = "FAST_MAX_N";
    public static final String MAX_RECEIVE_COUNT = "MAX_RECEIVE_COUNT";
    public static final String JOB_TTL_DAYS = "JOB_TTL_DAYS";
    /** POST /jobs answers 503 QUEUE_BACKLOG_FULL while more messages than this wait in the queue. */
    public static final String QUEUE_BACKLOG_LIMIT = "QUEUE_BACKLOG_LIMIT";
    /** Seconds a job may look unqueued (PENDING, or RUNNING on an ended lease) before a look at it re-sends it. */
    public static final String REPLAY_AFTER_SECONDS = "REPLAY_AFTER_SECONDS";
    /** Seconds until a transiently failed message first comes back; doubles per receive. */
    public static final String RETRY_FIRST_SECONDS = "RETRY_FIRST_SECONDS";
    /** The worker's cost model: milliseconds naive fib(40) takes on its CPU (see CostModel). */
    public static final String COST_NAIVE_FIB40_MILLIS = "COST_NAIVE_FIB40_MILLIS";
    /** {@code url-connection} (default, the one packaged) or {@code crt} (needs aws-crt-client on the class path). */
    public static final String FIBLAB_HTTP_CLIENT = "FIBLAB_HTTP_CLIENT";

    /** Standard AWS settings, read explicitly so that an in-process local stack can pass its own. */
    public static final String AWS_REGION = "AWS_REGION";

    public static final String AWS_ENDPOINT_URL = "AWS_ENDPOINT_URL";
    public static final String AWS_ENDPOINT_URL_SQS = "AWS_ENDPOINT_URL_SQS";
    public static final String AWS_ENDPOINT_URL_DYNAMODB = "AWS_ENDPOINT_URL_DYNAMODB";
    public static final String AWS_ACCESS_KEY_ID = "AWS_ACCESS_KEY_ID";
    public static final String AWS_SECRET_ACCESS_KEY = "AWS_SECRET_ACCESS_KEY";
    public static final String AWS_SESSION_TOKEN = "AWS_SESSION_TOKEN";
    public static final String AWS_LAMBDA_FUNCTION_NAME = "AWS_LAMBDA_FUNCTION_NAME";
    /** Lambda's advanced logging controls set this; fiblab's own logger honours it too. */
    public static final String AWS_LAMBDA_LOG_LEVEL = "AWS_LAMBDA_LOG_LEVEL";

    private EnvironmentVariables() {}
}
