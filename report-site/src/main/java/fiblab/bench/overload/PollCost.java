package fiblab.bench.overload;

import fiblab.bench.cost.PriceList;
import fiblab.bench.model.AwsQuotas;

/**
 * What one {@code GET /jobs/{id}} costs on AWS at the dated prices: one HTTP API request, one
 * ApiFunction invocation and its billed duration at the function's memory, and one strongly
 * consistent GetItem. Left out: CloudWatch Logs (the handler writes one log line per request, a few
 * hundred bytes), data transfer out, and the free tiers.
 *
 * @param billedMillis one poll's billed duration (a GetItem and the handler's own work, rounded up to 1 ms)
 * @param memoryMb     ApiFunction's MemorySize
 */
public record PollCost(double billedMillis, int memoryMb) {

    /** ApiFunction's MemorySize in the template. */
    static final int API_MEMORY_MB = 1769;

    /** The handler's own work around the GetItem, rounded up. */
    static final double HANDLER_MILLIS = 1;

    /** On AWS: the quota file's GetItem latency plus the handler's millisecond, at the template's memory. */
    public static PollCost onAws(AwsQuotas quotas) {
        return new PollCost(Math.ceil(quotas.value("dynamoDbGetItemLatency") + HANDLER_MILLIS), API_MEMORY_MB);
    }

    /** GB-seconds of one poll's invocation. */
    public double gbSeconds() {
        return billedMillis / 1000.0 * memoryMb / 1024.0;
    }

    /** US dollars per poll. */
    public double usd(PriceList prices) {
        return prices.price("httpApiRequest").costOf(1)
                + prices.price("lambdaRequest").costOf(1)
                + prices.price("lambdaGbSecond").costOf(gbSeconds())
                + prices.price("dynamoDbRead").costOf(1);
    }
}
