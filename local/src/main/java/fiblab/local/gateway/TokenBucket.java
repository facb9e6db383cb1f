package fiblab.local.gateway;

import fiblab.local.template.Throttle;
import java.util.function.LongSupplier;

/**
 * API Gateway's throttle for one route: a bucket of {@code burst} tokens, refilled at {@code rate}
 * tokens per second; each request takes one, and a request that finds none is refused (429).
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-throttling.html
 */
final class TokenBucket {

    private final double ratePerNano;
    private final double capacity;
    private final LongSupplier nanoClock;
    private double tokens;
    private long refilledAt;

    TokenBucket(Throttle throttle, LongSupplier nanoClock) {
        this.ratePerNano = throttle.ratePerSecond() / 1e9;
        this.capacity = throttle.burst();
        this.nanoClock = nanoClock;
        this.tokens = capacity;
        this.refilledAt = nanoClock.getAsLong();
    }

    /** Takes a token if there is one. */
    synchronized boolean tryAcquire() {
        long now = nanoClock.getAsLong();
        tokens = Math.min(capacity, tokens + (now - refilledAt) * ratePerNano);
        refilledAt = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
