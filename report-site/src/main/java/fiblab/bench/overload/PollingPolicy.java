package fiblab.bench.overload;

import java.time.Duration;

/** How a client waits between status polls of a job. */
public sealed interface PollingPolicy {

    /**
     * @param pollsSoFar        status requests already sent for this job (0 before the first)
     * @param retryAfterSeconds the last answer's Retry-After, or -1
     */
    Duration delay(int pollsSoFar, int retryAfterSeconds);

    /** A short name for tables: {@code retry-after}, {@code fixed-10ms}, {@code backoff-50ms-x2-max2000ms}. */
    String label();

    /** Waits what the API's Retry-After says (the well-behaved client), {@code fallback} when it says nothing. */
    record HonourRetryAfter(Duration fallback) implements PollingPolicy {
        @Override
        public Duration delay(int pollsSoFar, int retryAfterSeconds) {
            return retryAfterSeconds >= 0 ? Duration.ofSeconds(retryAfterSeconds) : fallback;
        }

        @Override
        public String label() {
            return "retry-after";
        }
    }

    /** The same interval every time, whatever the API says. */
    record FixedInterval(Duration interval) implements PollingPolicy {
        @Override
        public Duration delay(int pollsSoFar, int retryAfterSeconds) {
            return interval;
        }

        @Override
        public String label() {
            return "fixed-" + interval.toMillis() + "ms";
        }
    }

    /** first, first × factor, first × factor², … capped at {@code max}. */
    record ExponentialBackoff(Duration first, double factor, Duration max) implements PollingPolicy {
        public ExponentialBackoff {
            if (factor < 1 || first.isNegative() || max.compareTo(first) < 0) {
                throw new IllegalArgumentException("backoff needs factor >= 1 and first <= max");
            }
        }

        @Override
        public Duration delay(int pollsSoFar, int retryAfterSeconds) {
            double millis = first.toMillis() * Math.pow(factor, pollsSoFar);
            return Duration.ofMillis((long) Math.min(max.toMillis(), millis));
        }

        @Override
        public String label() {
            return "backoff-" + first.toMillis() + "ms-x" + factor + "-max" + max.toMillis() + "ms";
        }
    }

    /**
     * Waits {@code first} before the first poll, then what Retry-After says: what a client sees from an
     * API whose first Retry-After is the job's expected compute time (a candidate measured before the
     * API adopts it).
     */
    record FirstDelay(Duration first) implements PollingPolicy {
        @Override
        public Duration delay(int pollsSoFar, int retryAfterSeconds) {
            if (pollsSoFar == 0) {
                return first;
            }
            return retryAfterSeconds >= 0 ? Duration.ofSeconds(retryAfterSeconds) : Duration.ofSeconds(1);
        }

        @Override
        public String label() {
            return "first-" + first.toMillis() + "ms-then-retry-after";
        }
    }
}
