package fiblab.job;

import java.time.Clock;

/**
 * How long a client should wait before it polls an unfinished job again: the {@code Retry-After}
 * of {@code POST /jobs} and of {@code GET /jobs/{id}}. A job that has not started still needs its
 * whole compute, so a client is asked to wait the cost model's estimate of it; a running job what is
 * left of that estimate. Rounded down, so that a first poll lands no later than the job could be
 * done; at least 1 s (the smallest wait the header can say without inviting a busy loop) and at
 * most 30 s. The measurement behind it is in the README ("Decisions the contract left open").
 */
public record PollAdvice(CostModel costModel, Clock clock) {

    public static final int MIN_SECONDS = 1;
    public static final int MAX_SECONDS = 30;

    /** The worker's default cost model on the system clock. */
    public static PollAdvice standard() {
        return new PollAdvice(CostModel.MEASURED, Clock.systemUTC());
    }

    /** Whole seconds to wait before polling {@code job} again. */
    public int retryAfterSeconds(Job job) {
        long millis = costModel.estimateMillis(job.algorithm(), job.n());
        if (job.status() == JobStatus.RUNNING && job.startedAt() != null) {
            millis -= clock.millis() - job.startedAt();
        }
        long seconds = Math.floorDiv(Math.max(0, millis), 1000);
        return (int) Math.max(MIN_SECONDS, Math.min(MAX_SECONDS, seconds));
    }
}
