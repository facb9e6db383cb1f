package fiblab.bench.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ThroughputTest {

    @Test
    void perSecond_shouldDivideCompletedByWallTime_whenDurationKnown() {
        // 1,000 completed in 2.5 s
        assertThat(Throughput.perSecond(1_000, 2_500_000_000L)).isEqualTo(400.0);
        // 1 in 3 s, rounded to two decimals
        assertThat(Throughput.perSecond(1, 3_000_000_000L)).isEqualTo(0.33);
    }

    @Test
    void perSecond_shouldBeZero_whenNoTimePassed() {
        assertThat(Throughput.perSecond(10, 0)).isZero();
    }
}
