package fiblab.fib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fiblab.testing.IterativeFibonacci;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FibonacciTest {

    @ParameterizedTest(name = "fib({0}) = {1}")
    @CsvSource({"0,0", "1,1", "2,1", "10,55", "30,832040", "50,12586269025", "92,7540113804746346429"})
    void bothAlgorithms_shouldReturnKnownValues(int n, String expected) {
        assertThat(Algorithm.FAST.compute(n, Deadline.NONE)).isEqualTo(new BigInteger(expected));
        if (n <= 35) {
            assertThat(Algorithm.NAIVE.compute(n, Deadline.NONE)).isEqualTo(new BigInteger(expected));
        }
    }

    @Test
    void fast_shouldMatchPlainIteration_forEveryNUpTo300() {
        for (int n = 0; n <= 300; n++) {
            assertThat(FastDoubling.fib(n)).as("fib(%d)", n).isEqualTo(IterativeFibonacci.fib(n));
        }
    }

    @Test
    void fast_shouldGoPastLong_whenNIs93() {
        // fib(93) is the first Fibonacci number that overflows a signed 64-bit long.
        assertThat(FastDoubling.fib(93)).isEqualTo(new BigInteger("12200160415121876738"));
        assertThat(FastDoubling.fib(93)).isGreaterThan(BigInteger.valueOf(Long.MAX_VALUE));
    }

    @Test
    void fast_shouldHave209Digits_whenNIs1000() {
        String value = FastDoubling.fib(1000).toString();
        assertThat(value)
                .hasSize(209)
                .startsWith(
                        "43466557686937456435688527675040625802564660517371780402481729089536555417949051890403879840079255169295922593080322634775209689623239873322471161642996440906533187938298969649928516003704476137795166849228875");
    }

    @Test
    void fast_shouldSatisfyCassiniIdentity_whenNIsLarge() {
        // fib(n-1) * fib(n+1) - fib(n)^2 = (-1)^n
        int n = 100_000;
        BigInteger product = FastDoubling.fib(n - 1).multiply(FastDoubling.fib(n + 1));
        assertThat(product.subtract(FastDoubling.fib(n).pow(2))).isEqualTo(BigInteger.ONE);
    }

    @Test
    void naiveAndFast_shouldAgree_forEveryNUpTo35() {
        for (int n = 0; n <= 35; n++) {
            assertThat(BigInteger.valueOf(NaiveRecursion.fib(n)))
                    .as("fib(%d)", n)
                    .isEqualTo(FastDoubling.fib(n));
        }
    }

    @Test
    void naive_shouldRefuse_whenNWouldOverflowLong() {
        assertThatThrownBy(() -> NaiveRecursion.fib(93))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 0 and 92");
        assertThatThrownBy(() -> NaiveRecursion.fib(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FastDoubling.fib(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void naive_shouldStopAtItsDeadline_insteadOfRunningForHours() {
        // Given fib(80), which would take years, and a 50 ms budget
        long start = System.nanoTime();

        // Then it gives up with DeadlineExceeded, soon after the budget
        assertThatThrownBy(() -> NaiveRecursion.fib(80, Deadline.inMillis(50)))
                .isInstanceOf(DeadlineExceededException.class)
                .hasMessageContaining("50 ms");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
    }

    @Test
    void computation_shouldReportItsTime_inMicrosAndMillisText() {
        Computation result = Computation.run(Algorithm.NAIVE, 27, Deadline.NONE);
        assertThat(result.value()).isEqualTo(BigInteger.valueOf(196418));
        assertThat(result.computeMicros()).isPositive();
        assertThat(result.computeMillisText()).matches("\\d+\\.\\d{3}");
    }

    @Test
    void computeMillisText_shouldKeepThreeDecimals() {
        assertThat(new Computation(1, Algorithm.FAST, BigInteger.ONE, 5).computeMillisText())
                .isEqualTo("0.005");
        assertThat(new Computation(1, Algorithm.FAST, BigInteger.ONE, 1_234).computeMillisText())
                .isEqualTo("1.234");
        assertThat(new Computation(1, Algorithm.FAST, BigInteger.ONE, 1_050).computeMillisText())
                .isEqualTo("1.050");
        assertThat(new Computation(1, Algorithm.FAST, BigInteger.ONE, 29_000_100).computeMillisText())
                .isEqualTo("29000.100");
    }

    @Test
    void algorithm_shouldParseWireNames_caseInsensitively() {
        assertThat(Algorithm.fromWireName("FAST")).contains(Algorithm.FAST);
        assertThat(Algorithm.fromWireName("naive")).contains(Algorithm.NAIVE);
        assertThat(Algorithm.fromWireName("quantum")).isEmpty();
        assertThat(Algorithm.fromWireName(null)).isEmpty();
    }
}
