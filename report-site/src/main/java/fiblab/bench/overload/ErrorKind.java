package fiblab.bench.overload;

import java.io.IOException;
import java.net.SocketTimeoutException;

/** What a failed request or job looked like to the client, by the kinds an overload produces. */
public enum ErrorKind {
    /** 429: API Gateway's throttle. */
    THROTTLED_429,
    /** 500: what the HTTP API (and the local gateway) answer when Lambda refuses an invoke over its concurrency. */
    SERVER_ERROR_500,
    /** 503: the integration timed out, or the queue/table was unavailable, or the backlog was full. */
    UNAVAILABLE_503,
    /** 504 from the function, or the client's patience ran out first. */
    TIMEOUT,
    /** A 200 with the wrong value, or a job that ended FAILED. */
    WRONG_OR_FAILED,
    /** Anything else: another status, a connection error. */
    OTHER;

    static ErrorKind ofStatus(int status) {
        return switch (status) {
            case 429 -> THROTTLED_429;
            case 500 -> SERVER_ERROR_500;
            case 503 -> UNAVAILABLE_503;
            case 504 -> TIMEOUT;
            default -> OTHER;
        };
    }

    /**
     * What a client with {@code patienceNanos} makes of an outcome seen {@code latencyNanos} after it
     * wanted it: a right answer that came later than its patience is a timeout (goodput counts only
     * answers within patience), whatever delayed it — the server, the client's own queue or a slow poll.
     */
    static ErrorKind within(ErrorKind error, long latencyNanos, long patienceNanos) {
        return error == null && latencyNanos > patienceNanos ? TIMEOUT : error;
    }

    static ErrorKind of(IOException e) {
        return e instanceof SocketTimeoutException ? TIMEOUT : OTHER;
    }
}
