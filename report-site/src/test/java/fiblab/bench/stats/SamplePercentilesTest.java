package fiblab.bench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SamplePercentilesTest {

    @Test
    void nearestRank_shouldPickMeasuredSamples_ninthOfTenForP90() {
        // Given ten samples 1..10 in no order
        List<Double> samples = List.of(7.0, 3.0, 10.0, 1.0, 9.0, 2.0, 8.0, 4.0, 6.0, 5.0);

        // Then
        assertThat(SamplePercentiles.nearestRank(samples, 50)).isEqualTo(5.0);
        assertThat(SamplePercentiles.nearestRank(samples, 90)).isEqualTo(9.0);
        assertThat(SamplePercentiles.nearestRank(samples, 100)).isEqualTo(10.0);
    }

    @Test
    void nearestRank_shouldGiveTheOnlySample_forEveryPercentile() {
        assertThat(SamplePercentiles.nearestRank(List.of(42.0), 1)).isEqualTo(42.0);
        assertThat(SamplePercentiles.nearestRank(List.of(42.0), 100)).isEqualTo(42.0);
    }

    @Test
    void nearestRank_shouldRefuse_noSamplesOrAPercentileOutsideItsRange() {
        assertThatThrownBy(() -> SamplePercentiles.nearestRank(List.of(), 50))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SamplePercentiles.nearestRank(List.of(1.0), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
