package fiblab.bench.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class BilledMillisTest {

    @Test
    void mean_shouldRoundEachDurationUpToAMillisecond_beforeAveraging() {
        // Given 0.4 ms, 1.5 ms and 3.0 ms (microseconds in the histogram)
        Histogram micros = Histograms.concurrent();
        micros.recordValue(400);
        micros.recordValue(1_500);
        micros.recordValue(3_000);

        // When / Then: (1 + 2 + 3) / 3, where the plain mean would be 1.63
        assertThat(BilledMillis.mean(micros)).isEqualTo(2.0);
    }

    @Test
    void mean_shouldBeZero_whenNothingWasRecorded() {
        assertThat(BilledMillis.mean(Histograms.concurrent())).isZero();
    }
}
