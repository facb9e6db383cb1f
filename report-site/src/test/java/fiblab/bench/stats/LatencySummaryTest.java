package fiblab.bench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencySummaryTest {

    @Test
    void percentile_shouldMatchKnownValue_whenUniformInput() {
        // Given 1 ms, 2 ms, ... 10,000 ms, once each (recorded in µs)
        Histogram histogram = Histograms.concurrent();
        for (int ms = 1; ms <= 10_000; ms++) {
            histogram.recordValue(ms * 1_000L);
        }

        // When
        LatencySummary summary = LatencySummary.of(histogram);

        // Then the nearest-rank percentiles, within HdrHistogram's 0.1 % precision
        assertThat(summary.count()).isEqualTo(10_000);
        assertThat(summary.p50()).isCloseTo(5_000, within(5.0));
        assertThat(summary.p90()).isCloseTo(9_000, within(9.0));
        assertThat(summary.p99()).isCloseTo(9_900, within(10.0));
        assertThat(summary.p999()).isCloseTo(9_990, within(10.0));
        assertThat(summary.max()).isCloseTo(10_000, within(10.0));
        assertThat(summary.min()).isCloseTo(1, within(0.01));
        assertThat(summary.mean()).isCloseTo(5_000.5, within(5.0));
    }

    @Test
    void percentile_shouldExposeTheTail_whenOneValueIsSlow() {
        // Given 99 requests of 1 ms and one of 1 s
        Histogram histogram = Histograms.concurrent();
        histogram.recordValueWithCount(1_000, 99);
        histogram.recordValue(1_000_000);

        // When
        LatencySummary summary = LatencySummary.of(histogram);

        // Then the median stays at 1 ms, p99 too (99 of 100 values), and only the max shows the stall
        assertThat(summary.p50()).isCloseTo(1.0, within(0.01));
        assertThat(summary.p99()).isCloseTo(1.0, within(0.01));
        assertThat(summary.p999()).isCloseTo(1_000, within(1.0));
        assertThat(summary.max()).isCloseTo(1_000, within(1.0));
    }

    @Test
    void summary_shouldBeAllZero_whenNothingWasRecorded() {
        assertThat(LatencySummary.of(Histograms.concurrent())).isEqualTo(new LatencySummary(0, 0, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void curve_shouldEndAtMaximum_whenHistogramHasValues() {
        // Given
        Histogram histogram = Histograms.concurrent();
        for (int ms = 1; ms <= 1_000; ms++) {
            histogram.recordValue(ms * 1_000L);
        }

        // When
        List<List<Double>> curve = PercentileCurve.of(histogram);

        // Then it rises monotonically to (100 %, max)
        assertThat(curve).hasSizeGreaterThan(10);
        assertThat(curve.get(curve.size() - 1).get(0)).isEqualTo(100.0);
        assertThat(curve.get(curve.size() - 1).get(1)).isCloseTo(1_000, within(1.0));
        for (int i = 1; i < curve.size(); i++) {
            assertThat(curve.get(i).get(0))
                    .isGreaterThanOrEqualTo(curve.get(i - 1).get(0));
            assertThat(curve.get(i).get(1))
                    .isGreaterThanOrEqualTo(curve.get(i - 1).get(1));
        }
    }
}
