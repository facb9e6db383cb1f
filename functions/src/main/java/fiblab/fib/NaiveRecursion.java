package fiblab.fib;

/**
 * fib(n) by the textbook recursion {@code n < 2 ? n : fib(n-1) + fib(n-2)}: the workload whose cost
 * grows as phi^n. It works on {@code long}, so n is at most {@link #MAX_N}.
 */
public final class NaiveRecursion {

    /** fib(92) is the largest Fibonacci number that fits a long; fib(93) overflows. */
    public static final int MAX_N = 92;

    /**
     * Below this n a subtree is computed without looking at the clock. fib(25) takes well under a
     * millisecond, and only the few calls above it pay for the deadline check, so the check costs
     * nothing measurable while a runaway computation still stops within a millisecond or so.
     */
    private static final int UNCHECKED_BELOW = 25;

    private NaiveRecursion() {}

    public static long fib(int n) {
        return fib(n, Deadline.NONE);
    }

    public static long fib(int n, Deadline deadline) {
        if (n < 0 || n > MAX_N) {
            throw new IllegalArgumentException("n must be between 0 and " + MAX_N + " for naive recursion, was " + n);
        }
        return checked(n, deadline);
    }

    private static long checked(int n, Deadline deadline) {
        if (n < UNCHECKED_BELOW) {
            return plain(n);
        }
        deadline.check();
        return checked(n - 1, deadline) + checked(n - 2, deadline);
    }

    private static long plain(int n) {
        return n < 2 ? n : plain(n - 1) + plain(n - 2);
    }
}
