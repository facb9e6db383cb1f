package fiblab.bench.stats;

import java.util.Arrays;

/**
 * Right answers per second as a client sees them delivered: the answers up to the 99th-percentile one,
 * over the time from the first answer to it — at least that share of the load's duration, and never
 * more than the offered rate's answered share. A path that keeps up delivers the offered rate whatever
 * its latency; one that does not, what it got through while its backlog lasted. Leaving out the last
 * 1 % keeps one late answer (a pause at the end of a step) from setting the rate of all the others.
 * The benchmark's steps and the model's simulations both measure goodput with it.
 */
public final class Goodput {

    /** The share of answers that sets the span: the last 1 % are left out. */
    static final double SHARE = 0.99;

    private Goodput() {}

    /**
     * @param seenSeconds      when each right answer was seen, in seconds of the load, in its first {@code answers}
     *                         slots in any order (sorted in place)
     * @param answers          right answers
     * @param offered          requests or jobs offered
     * @param ratePerSecond    the offered rate
     * @param durationSeconds  how long the load was offered
     */
    public static double perSecond(
            double[] seenSeconds, int answers, long offered, double ratePerSecond, double durationSeconds) {
        if (answers <= 0 || offered <= 0 || !(durationSeconds > 0)) {
            return 0;
        }
        double[] seen = seenSeconds;
        Arrays.sort(seen, 0, answers);
        int counted = (int) Math.ceil(SHARE * answers);
        double counts = counted / (double) answers;
        double span = Math.max(durationSeconds * counts, seen[counted - 1] - seen[0]);
        return Math.min(counted / span, ratePerSecond * answers / offered);
    }
}
