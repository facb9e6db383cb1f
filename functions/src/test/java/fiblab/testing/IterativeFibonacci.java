package fiblab.testing;

import java.math.BigInteger;

/**
 * The tests' oracle: Fibonacci numbers from the definition, iterated, fib(0) = 0 and fib(1) = 1. It
 * shares no step with fast doubling or the naive recursion, so it can catch a fault in either.
 */
public final class IterativeFibonacci {

    private IterativeFibonacci() {}

    public static BigInteger fib(int n) {
        BigInteger a = BigInteger.ZERO;
        BigInteger b = BigInteger.ONE;
        for (int i = 0; i < n; i++) {
            BigInteger next = a.add(b);
            a = b;
            b = next;
        }
        return a;
    }
}
