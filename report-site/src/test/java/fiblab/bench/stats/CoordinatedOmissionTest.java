package fiblab.bench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class CoordinatedOmissionTest {

    @Test
    void corrected_shouldBackfillMissedSamples_whenOneResponseStalls() {
        // Given a client that meant to send every 10 ms: 99 responses of 1 ms and one stall of 1,000 ms
        Histogram raw = Histograms.concurrent();
        raw.recordValueWithCount(1_000, 99);
        raw.recordValue(1_000_000);

        // When corrected at the 10 ms interval
        Histogram corrected = CoordinatedOmission.corrected(raw, 10_000);

        // Then the stall stands for the 99 requests that would have waited behind it: 990, 980 … 10 ms
        assertThat(corrected.getTotalCount()).isEqualTo(99 + 100);
        LatencySummary before = LatencySummary.of(raw);
        LatencySummary after = LatencySummary.of(corrected);
        assertThat(before.p50()).isCloseTo(1.0, within(0.01));
        // rank 100 of 199: the first back-filled value, 10 ms (back-filling steps down from the histogram's
        // bucket for 1 s, which holds it within 0.1 %, so each back-filled value is within 1 ms)
        assertThat(after.p50()).isCloseTo(10.0, within(1.0));
        // rank 180 of 199: the 81st of 10, 20 … 1000 ms
        assertThat(after.p90()).isCloseTo(810.0, within(1.0));
        assertThat(after.max()).isCloseTo(before.max(), within(0.01));
        assertThat(raw.getTotalCount()).as("the input stays as measured").isEqualTo(100);
    }

    @Test
    void corrected_shouldChangeNothing_whenNoValueExceedsTheInterval() {
        Histogram raw = Histograms.concurrent();
        raw.recordValueWithCount(5_000, 50);

        Histogram corrected = CoordinatedOmission.corrected(raw, 10_000);

        assertThat(corrected.getTotalCount()).isEqualTo(50);
    }

    @Test
    void expectedInterval_shouldBeMeanCycleTimePerClient_whenRunCompleted() {
        // 10 clients, 2 s, 1,000 completed: each client completed 100, one every 20 ms
        assertThat(CoordinatedOmission.expectedIntervalMicros(10, 2_000_000_000L, 1_000))
                .isEqualTo(20_000);
        assertThat(CoordinatedOmission.expectedIntervalMicros(10, 2_000_000_000L, 0))
                .isZero();
    }

    @Test
    void corrected_shouldRefuse_whenIntervalIsNotPositive() {
        assertThatThrownBy(() -> CoordinatedOmission.corrected(Histograms.concurrent(), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
