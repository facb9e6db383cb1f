package fiblab.local.template;

/**
 * An HTTP API stage's throttle for a route: {@code ThrottlingRateLimit} requests per second
 * refilling a bucket of {@code ThrottlingBurstLimit} requests.
 */
public record Throttle(double ratePerSecond, int burst) {

    public Throttle {
        if (!(ratePerSecond >= 0) || burst < 0) {
            throw new TemplateException(
                    "a throttle needs a rate >= 0 and a burst >= 0, got " + ratePerSecond + " and " + burst);
        }
    }

    @Override
    public String toString() {
        return (ratePerSecond == Math.rint(ratePerSecond) ? String.valueOf((long) ratePerSecond) : ratePerSecond)
                + " req/s, burst " + burst;
    }
}
