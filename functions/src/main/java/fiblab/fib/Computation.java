package fiblab.fib;

import java.math.BigInteger;

/** The result of one computation and how long it took. */
public record Computation(int n, Algorithm algorithm, BigInteger value, long computeMicros) {

    /** Computes fib(n) and measures the time on the monotonic clock. */
    public static Computation run(Algorithm algorithm, int n, Deadline deadline) {
        long start = System.nanoTime();
        BigInteger value = algorithm.compute(n, deadline);
        return new Computation(n, algorithm, value, (System.nanoTime() - start) / 1_000);
    }

    /** Milliseconds with microsecond precision, as the Server-Timing header wants them. */
    public String computeMillisText() {
        long fraction = computeMicros % 1000;
        return computeMicros / 1000 + (fraction < 10 ? ".00" : fraction < 100 ? ".0" : ".") + fraction;
    }
}
