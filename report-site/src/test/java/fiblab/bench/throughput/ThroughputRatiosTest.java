package fiblab.bench.throughput;

import static org.assertj.core.api.Assertions.assertThat;

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
        Map<Integer, Map<String, Object>> runs = new LinkedHashMap<>();
        runs.put(20, Map.of("latency", Map.of("p99", 10.0)));
        runs.put(30, Map.of("latency", Map.of("p99", 99.0)));
        runs.put(35, Map.of("latency", Map.of("p99", 14.0)));

        // When
        Map<String, Object> flatness = ThroughputBench.flatness(runs);

        // Then
        assertThat(flatness)
                .containsEntry("smallN", 20)
                .containsEntry("largeN", 35)
                .containsEntry("ratio", 1.4)
                .containsEntry("goal", 1.5);
    }

    @Test
    void computeLimit_shouldCountCompletedCallsOfTheFunctionsOwnFib() throws Exception {
        Map<String, Object> limit = ComputeLimit.measure(20, 1, Duration.ofMillis(50), Duration.ofMillis(200));
        assertThat(((Number) limit.get("completed")).longValue()).isPositive();
        assertThat(((Number) limit.get("perSecond")).doubleValue())
                .isCloseTo(
                        ((Number) limit.get("completed")).longValue() / 0.2, org.assertj.core.data.Offset.offset(0.01));
        assertThat(((Number) limit.get("bareMillisOneCore")).doubleValue()).isPositive();
    }
}
