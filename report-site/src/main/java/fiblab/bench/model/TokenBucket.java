package fiblab.bench.model;

/**
 * API Gateway's throttle as its documentation describes it: a bucket of {@code burst} tokens,
 * refilled at {@code rate} per second, one token per request; a request that finds it empty is
 * refused (429). Driven by the simulation's clock, not the wall clock. Also used for Lambda's
 * scaling rate (new execution environments per function).
 */
public final class TokenBucket {

    private final double rate;
    private final double burst;
    private double tokens;
    private double last;

    /** A full bucket at time 0. Infinite rate or burst means no limit. */
    public TokenBucket(double ratePerSecond, double burst) {
        if (!(ratePerSecond > 0) || !(burst >= 1)) {
            throw new IllegalArgumentException("a token bucket needs rate > 0 and burst >= 1");
        }
        this.rate = ratePerSecond;
        this.burst = burst;
        this.tokens = burst;
    }

    /** A full bucket at time 0, or, when {@code ratePerSecond} is infinite, one that never refuses. */
    public static TokenBucket of(double ratePerSecond, double burst) {
        return Double.isInfinite(ratePerSecond) ? unlimited() : new TokenBucket(ratePerSecond, burst);
    }

    public static TokenBucket unlimited() {
        return new TokenBucket(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    /** Takes one token at time {@code now} (seconds, never decreasing), or answers false when none is left. */
    public boolean tryTake(double now) {
        if (Double.isInfinite(burst)) {
            return true;
        }
        if (now > last) {
            tokens = Math.min(burst, tokens + (now - last) * rate);
            last = now;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
