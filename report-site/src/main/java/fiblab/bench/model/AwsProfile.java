package fiblab.bench.model;

/**
 * The model's configuration of both paths as deployed on AWS, from the dated quota file and the
 * template's settings: API Gateway's account throttle in front, Lambda's account concurrency (or a
 * reserved one) and scaling rate, one vCPU per execution environment, the SQS event source's
 * documented scaling, and the documented (or, where AWS publishes none, assumed) latencies of SQS
 * and DynamoDB calls.
 *
 * @param apiConcurrency       ApiFunction's reserved concurrency, or 0 for the account's
 * @param workerMaxConcurrency the event source's ScalingConfig.MaximumConcurrency, or 0 for none
 * @param batchSize            the event source's BatchSize
 * @param gatewaySeconds       API Gateway and network time per request outside the function (not documented; an input)
 * @param coldStartSeconds     a new execution environment's first-invoke penalty (from the cold-start measurement)
 * @param pollIntervalSeconds  the async client's poll interval (Retry-After)
 * @param patienceSeconds      the client's patience
 */
public record AwsProfile(
        int apiConcurrency,
        int workerMaxConcurrency,
        int batchSize,
        double gatewaySeconds,
        double coldStartSeconds,
        double pollIntervalSeconds,
        double patienceSeconds) {

    /**
     * fiblab's template with its deploy limits raised to the account's quotas, as the benchmark runs it
     * ({@code fiblab.local.DeployLimits}): no reserved concurrency for the API function, the worker's
     * MaximumConcurrency 10, batches of 5, Retry-After 1 s (fib(n) up to 41). The template's default
     * deploy limits (stage throttles of 10 and 5 requests/s, reserved concurrency 10 and 5) bind long
     * before any quota; the page says so beside the projection.
     */
    public static AwsProfile fiblabTemplate(double gatewaySeconds, double coldStartSeconds) {
        return new AwsProfile(0, 10, 5, gatewaySeconds, coldStartSeconds, 1, 30);
    }

    public InlineModel inline(AwsQuotas q) {
        int concurrency = apiConcurrency > 0 ? apiConcurrency : (int) q.value("lambdaAccountConcurrency");
        double scalingPerTenSeconds = q.value("lambdaScalingRate");
        return new InlineModel(new InlineModel.Config(
                q.value("httpApiThrottleRate"),
                q.value("httpApiThrottleBurst"),
                concurrency,
                scalingPerTenSeconds / 10,
                scalingPerTenSeconds,
                0,
                Double.POSITIVE_INFINITY,
                gatewaySeconds,
                coldStartSeconds,
                // fiblab's handler gives up 1 s before the function's 29 s timeout
                28,
                q.value("httpApiIntegrationTimeout"),
                patienceSeconds,
                Integer.MAX_VALUE));
    }

    public AsyncModel async(AwsQuotas q) {
        int max = (int) q.value("sqsEventSourceMaxBatches");
        if (workerMaxConcurrency > 0) {
            max = Math.min(max, workerMaxConcurrency);
        }
        max = Math.min(max, (int) q.value("lambdaAccountConcurrency"));
        double ms = 1e-3;
        return new AsyncModel(new AsyncModel.Config(
                q.value("httpApiThrottleRate"),
                q.value("httpApiThrottleBurst"),
                gatewaySeconds + (q.value("dynamoDbPutItemLatency") + q.value("sqsSendMessageLatency")) * ms,
                (int) Math.min(max, q.value("sqsEventSourceInitialBatches")),
                q.value("sqsEventSourceScaleUpPerMinute"),
                max,
                batchSize,
                q.value("sqsReceiveMessageLatency") * ms,
                // a claim (UpdateItem) and a result (UpdateItem) per job
                2 * q.value("dynamoDbPutItemLatency") * ms,
                Double.POSITIVE_INFINITY,
                pollIntervalSeconds,
                gatewaySeconds + q.value("dynamoDbGetItemLatency") * ms,
                patienceSeconds));
    }
}
