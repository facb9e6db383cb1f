package fiblab.bench.model;

/**
 * One line of the AWS-scale projection: a path at an offered load for one n, as the model predicts it.
 *
 * @param costPerHourUsd  what an hour at this load costs at the dated prices (requests that reach the
 *                        function or the queue; requests API Gateway throttles are not billed)
 */
public record ProjectionRow(
        int n,
        String path,
        double offeredPerSecond,
        double p50Millis,
        double p99Millis,
        double throttledShare,
        double goodputPerSecond,
        long peakBacklog,
        double drainSeconds,
        double costPerHourUsd,
        Limit binding) {}
