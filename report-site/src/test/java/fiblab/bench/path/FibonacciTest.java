package fiblab.bench.path;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class FibonacciTest {

    @Test
    void of_shouldMatchIteration_whenNUpTo200() {
        BigInteger a = BigInteger.ZERO;
        BigInteger b = BigInteger.ONE;
        for (int n = 0; n <= 200; n++) {
            assertThat(Fibonacci.of(n)).as("fib(%d)", n).isEqualTo(a);
            BigInteger next = a.add(b);
            a = b;
            b = next;
        }
    }

    @Test
    void of_shouldGiveKnownValue_whenN30() {
        assertThat(Fibonacci.of(30)).isEqualTo(BigInteger.valueOf(832_040));
    }
}
