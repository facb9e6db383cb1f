package fiblab.fib;

import java.math.BigInteger;

/**
 * fib(n) by fast doubling: fib(2k) = fib(k) * (2 fib(k+1) - fib(k)) and
 * fib(2k+1) = fib(k)^2 + fib(k+1)^2, walking the bits of n from the top.
 */
public final class FastDoubling {

    private FastDoubling() {}

    public static BigInteger fib(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative, was " + n);
        }
        BigInteger a = BigInteger.ZERO; // fib(k)
        BigInteger b = BigInteger.ONE; // fib(k+1)
        for (int bit = Integer.highestOneBit(n); bit != 0; bit >>>= 1) {
            BigInteger doubled = a.multiply(b.shiftLeft(1).subtract(a));
            BigInteger doubledPlusOne = a.multiply(a).add(b.multiply(b));
            if ((n & bit) == 0) {
                a = doubled;
                b = doubledPlusOne;
            } else {
                a = doubledPlusOne;
                b = doubled.add(doubledPlusOne);
            }
        }
        return a;
    }
}
