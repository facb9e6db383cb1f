package fiblab.bench.throughput;

import static org.assertj.core.api.Assertions.assertThat;

import fiblab.bench.result.ThroughputFindings.Flatness;
import fiblab.bench.result.ThroughputFindings.Measurement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThroughputRatiosTest {

    @Test
    void ratio_shouldBeAchievedOverLimit_toAThousandth() {
        assertThat(ComputeLimit.ratio(905, 1000)).isEqualTo(0.905);
        assertThat(ComputeLimit.ratio(100, 0)).isZero();
    }

    @Test
    void flatness_shouldCompareTheP99OfTheLargestNWithTheSmallest() {
        // Given submit runs at n = 20, 30, 35 (in that order)
        Map<Integer, Double> p99s = new LinkedHashMap<>();
        p99s.put(20, 10.0);
        p99s.put(30, 99.0);
        p99s.put(35, 14.0);

        // When
        Flatness flatness = ThroughputBench.flatness(p99s);

        // Then
        assertThat(flatness).isEqualTo(new Flatness(1.5, 20, 35, 10.0, 14.0, 1.4));
    }

    @Test
    void bareCpuMillis_shouldGrowWithTheWork_andNeverExceedTheWallTimeOfTheSameCalls() {
        // warm until the JIT has compiled fib: with a random test order this may be the JVM's first
        // call, and a fib(27) measured interpreted next to a compiled fib(30) once broke the ratio
        ComputeLimit.bareCpuMillis(30, 40);
        ComputeLimit.bareCpuMillis(27, 40);
        // fib(30) first: any JIT gain left would only make fib(27), measured after it, cheaper
        double at30 = ComputeLimit.bareCpuMillis(30, 20);
        long wallStart = System.nanoTime();
        double at27 = ComputeLimit.bareCpuMillis(27, 20);
        double wallMillis = (System.nanoTime() - wallStart) / 1e6 / 20;

        assertThat(at27).isPositive().isLessThanOrEqualTo(wallMillis + 0.01);
        // fib(30) is φ³ ≈ 4.2 times the work of fib(27)
        assertThat(at30).isGreaterThan(2 * at27);
    }

    @Test
    void flatness_shouldHoldOnlyTheGoal_whenFewerThanTwoNRan() {
        assertThat(ThroughputBench.flatness(Map.of(20, 10.0)))
                .isEqualTo(new Flatness(1.5, null, null, null, null, null));
    }

    @Test
    void computeLimit_shouldCountCompletedCallsOfTheFunctionsOwnFib() throws Exception {
        Measurement limit = ComputeLimit.measure(20, 1, Duration.ofMillis(50), Duration.ofMillis(200));
        assertThat(limit.completed()).isPositive();
        assertThat(limit.perSecond()).isCloseTo(limit.completed() / 0.2, org.assertj.core.data.Offset.offset(0.01));
        assertThat(limit.bareMillisOneCore()).isPositive();
        assertThat(limit.measuredSeconds()).isEqualTo(0.2);
    }
}
