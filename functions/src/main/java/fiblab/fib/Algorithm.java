package fiblab.fib;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The two ways fiblab computes fib(n): the CPU-bound workload, and the fast answer beside it. */
public enum Algorithm {
    /** Naive recursion, O(phi^n) calls: the workload under test. */
    NAIVE("naive") {
        @Override
        public BigInteger compute(int n, Deadline deadline) {
            return BigInteger.valueOf(NaiveRecursion.fib(n, deadline));
        }
    },
    /** Fast doubling on BigInteger, O(log n) multiplications. */
    FAST("fast") {
        @Override
        public BigInteger compute(int n, Deadline deadline) {
            return FastDoubling.fib(n);
        }
    };

    private final String wireName;

    Algorithm(String wireName) {
        this.wireName = wireName;
    }

    /** Computes fib(n); a long computation stops with {@link DeadlineExceededException} at the deadline. */
    public abstract BigInteger compute(int n, Deadline deadline);

    /** The lower-case name used in URLs, JSON and DynamoDB. */
    public String wireName() {
        return wireName;
    }

    public static Optional<Algorithm> fromWireName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(a -> a.wireName.equals(wanted)).findFirst();
    }

    /** "naive, fast": for error messages that list the allowed values. */
    public static String allowedNames() {
        return Arrays.stream(values()).map(Algorithm::wireName).collect(Collectors.joining(", "));
    }
}
