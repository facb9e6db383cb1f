package fiblab.aws;

import java.time.Duration;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;

/**
 * Sizes each SDK call's timeout to what is left of the current invocation, so that a slow table or
 * queue cannot run an invocation into Lambda's timeout half way through a submit: the calls that
 * follow a slow one (the send after the record, the failure mark after the send) keep their time.
 * One per execution environment; the handler starts it at each invocation. Without an invocation
 * (tests, priming) every call gets the client's fixed timeout.
 */
public final class CallBudget {

    /** A submit makes at most three calls in a row: record, send, mark failed. */
    static final int CALLS_TO_RESERVE_FOR = 3;

    static final Duration SHORTEST_CALL = Duration.ofMillis(250);
    /** Time left over for answering once the calls are done. */
    static final Duration ANSWER_RESERVE = Duration.ofSeconds(1);

    private volatile long deadlineNanos;
    private volatile boolean bounded;

    public static CallBudget unbounded() {
        return new CallBudget();
    }

    /** The current invocation ends in {@code remainingMillis}. */
    public void startInvocation(long remainingMillis) {
        deadlineNanos = System.nanoTime() + remainingMillis * 1_000_000L;
        bounded = true;
    }

    /** The timeout the next call may take. */
    public Duration nextCallTimeout() {
        if (!bounded) {
            return AwsClients.API_CALL_TIMEOUT;
        }
        long leftMillis = (deadlineNanos - System.nanoTime()) / 1_000_000L - ANSWER_RESERVE.toMillis();
        Duration share = Duration.ofMillis(Math.max(0, leftMillis / CALLS_TO_RESERVE_FOR));
        if (share.compareTo(SHORTEST_CALL) < 0) {
            return SHORTEST_CALL;
        }
        return share.compareTo(AwsClients.API_CALL_TIMEOUT) > 0 ? AwsClients.API_CALL_TIMEOUT : share;
    }

    AwsRequestOverrideConfiguration nextCall() {
        Duration timeout = nextCallTimeout();
        return AwsRequestOverrideConfiguration.builder()
                .apiCallTimeout(timeout)
                .apiCallAttemptTimeout(timeout)
                .build();
    }
}
