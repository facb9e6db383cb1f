package fiblab.bench.overload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CapacityProbeTest {

    @Test
    void steadyRate_shouldIgnoreASlowStartAndASlowTail() {
        // Given 100 completions 10 ms apart (100/s), after a 2 s start-up and with the last one 3 s late
        long[] times = new long[102];
        times[0] = 0;
        for (int i = 1; i <= 100; i++) {
            times[i] = 2_000 + 10L * i;
        }
        times[101] = 6_000;

        // Then the probe reads the steady 100/s, not 101 jobs over 6 s
        assertThat(CapacityProbe.steadyRate(times)).isCloseTo(100, within(1.0));
    }

    @Test
    void steadyRate_shouldBeZero_whenNothingOrOneThingFinished() {
        assertThat(CapacityProbe.steadyRate(new long[0])).isZero();
        assertThat(CapacityProbe.steadyRate(new long[] {5})).isZero();
    }
}
