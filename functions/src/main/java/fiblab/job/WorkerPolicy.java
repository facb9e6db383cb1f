package fiblab.job;

import fiblab.config.Limits;
import java.time.Duration;

/**
 * The worker's rules that come from configuration: the limits it computes within, how many
 * receives SQS allows before the DLQ, how long a reopened job lives, the cost model that decides
 * what fits the time left, and the schedule transient failures come back on.
 */
public record WorkerPolicy(
        Limits limits, int maxReceiveCount, Duration timeToLive, CostModel costModel, RetrySchedule retrySchedule) {

    public static WorkerPolicy defaults(Limits limits, int maxReceiveCount) {
        return new WorkerPolicy(limits, maxReceiveCount, Duration.ofDays(7), CostModel.MEASURED, RetrySchedule.DEFAULT);
    }
}
