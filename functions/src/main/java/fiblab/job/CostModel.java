package fiblab.job;

import fiblab.fib.Algorithm;

/**
 * How long a job will take, from n and the algorithm, so that a worker never starts a job it cannot
 * finish in the time its invocation has left. Calibrated by measurement (README, "Every job ends"):
 * naive recursion grows as phi^n from its time at n = 40; fast doubling as n^1.6 (Karatsuba-size
 * multiplications plus the decimal conversion) from its time at n = 1,000,000.
 *
 * @param naiveMillisAt40 time of naive fib(40), with a safety margin
 * @param fastMillisAtMillion time of fast fib(1,000,000) including its decimal string, with a margin
 */
public record CostModel(double naiveMillisAt40, double fastMillisAtMillion) {

    /**
     * Measured on a 2-core AMD EPYC shared with parallel builds, Java 17: naive fib(40) took 609 ms
     * (C2) and 733 ms (C1 only, as Lambda's Java runtime starts the JVM); fast fib(10^6) 1.4-1.8 s
     * (C2) and 0.6-0.8 s (C1). The defaults take the slower of each with about 30 % on top.
     */
    public static final CostModel MEASURED = new CostModel(950, 2_300);

    private static final double PHI = (1 + Math.sqrt(5)) / 2;

    public CostModel {
        if (!(naiveMillisAt40 > 0) || !(fastMillisAtMillion > 0)) {
            throw new IllegalArgumentException("cost model times must be positive");
        }
    }

    /** Estimated milliseconds to compute fib(n) and its decimal value. */
    public long estimateMillis(Algorithm algorithm, int n) {
        double millis = algorithm == Algorithm.NAIVE
                ? naiveMillisAt40 * Math.pow(PHI, n - 40)
                : fastMillisAtMillion * Math.pow(n / 1_000_000.0, 1.6);
        return (long) Math.ceil(Math.max(0, millis));
    }
}
