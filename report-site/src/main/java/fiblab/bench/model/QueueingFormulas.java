package fiblab.bench.model;

/**
 * Closed forms of classic queues, the known answers the simulations are tested against: Erlang B
 * (M/G/c/c: an arrival that finds all c servers busy is lost — Lambda refusing a synchronous
 * invoke beyond its concurrency), Erlang C and the M/M/c mean wait (arrivals wait in an unbounded
 * queue), and Pollaczek–Khinchine for M/G/1 and its M/D/1 case. Rates per second, times in seconds.
 */
public final class QueueingFormulas {

    private QueueingFormulas() {}

    /** Probability that an arrival finds all c servers busy and is lost, at offered load a = λ/μ (Erlangs). */
    public static double erlangB(int c, double a) {
        requireServers(c);
        double b = 1;
        for (int k = 1; k <= c; k++) {
            b = a * b / (k + a * b);
        }
        return b;
    }

    /** Probability that an arrival has to wait in M/M/c, for a &lt; c. */
    public static double erlangC(int c, double a) {
        requireServers(c);
        if (a >= c) {
            throw new IllegalArgumentException("M/M/c is stable only for a < c; a = " + a + ", c = " + c);
        }
        double b = erlangB(c, a);
        return c * b / (c - a * (1 - b));
    }

    /** Mean time in queue (before service) of M/M/c. */
    public static double mmcMeanWait(double lambda, double mu, int c) {
        double a = lambda / mu;
        return erlangC(c, a) / (c * mu - lambda);
    }

    /** Pollaczek–Khinchine: mean time in queue of M/G/1 with service mean E[S] and second moment E[S²]. */
    public static double mg1MeanWait(double lambda, double meanService, double secondMoment) {
        double rho = lambda * meanService;
        if (rho >= 1) {
            throw new IllegalArgumentException("M/G/1 is stable only for ρ < 1; ρ = " + rho);
        }
        return lambda * secondMoment / (2 * (1 - rho));
    }

    /** M/D/1 (every service takes d): ρ d / (2 (1 − ρ)). */
    public static double md1MeanWait(double lambda, double d) {
        return mg1MeanWait(lambda, d, d * d);
    }

    private static void requireServers(int c) {
        if (c < 1) {
            throw new IllegalArgumentException("need at least one server, got " + c);
        }
    }
}
