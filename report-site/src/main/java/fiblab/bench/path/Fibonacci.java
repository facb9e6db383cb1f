package fiblab.bench.path;

import java.math.BigInteger;

/** The expected answers, by fast doubling, so that every response's value can be checked. */
public final class Fibonacci {

    private Fibonacci() {}

    public static BigInteger of(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, was " + n);
        }
        BigInteger a = BigInteger.ZERO; // fib(k)
        BigInteger b = BigInteger.ONE; // fib(k+1)
        for (int bit = Integer.SIZE - 1 - Integer.numberOfLeadingZeros(Math.max(n, 1)); bit >= 0; bit--) {
            BigInteger twoBminusA = b.shiftLeft(1).subtract(a);
            BigInteger c = a.multiply(twoBminusA); // fib(2k)
            BigInteger d = a.multiply(a).add(b.multiply(b)); // fib(2k+1)
            if (((n >> bit) & 1) == 0) {
                a = c;
                b = d;
            } else {
                a = d;
                b = c.add(d);
            }
        }
        return a;
    }
}
