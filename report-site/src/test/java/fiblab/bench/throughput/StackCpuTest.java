package fiblab.bench.throughput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackCpuTest {

    @Test
    void ticks_shouldAddUserAndSystemTime_evenWhenTheCommandHasSpacesAndParentheses(@TempDir Path dir)
            throws Exception {
        // Given a /proc/<pid>/stat line whose command name holds a space and a ')' (utime 1234, stime 56)
        Path stat = dir.resolve("stat");
        Files.writeString(
                stat, "4242 (node (x) y) S 1 4242 4242 0 -1 4194560 1000 0 0 0 1234 56 0 0 20 0 7 0 100 0 0\n");

        assertThat(StackCpu.ticks(stat)).isEqualTo(1290);
    }

    @Test
    void ticks_shouldBeZero_whenTheProcessIsGone(@TempDir Path dir) {
        assertThat(StackCpu.ticks(dir.resolve("no-such-stat"))).isZero();
    }

    @Test
    void since_shouldBeTheDifferenceOfTwoReadings() {
        assertThat(new StackCpu(500, 70).since(new StackCpu(200, 20))).isEqualTo(new StackCpu(300, 50));
    }

    @Test
    void beyondIdle_shouldTakeOffWhatTheIdleStackUsesOverTheSpan_neverGoingBelowZero() {
        // 1.2 s of CPU over 2 s, the idle stack taking 0.1 core: 1.0 s was the work measured
        StackCpu used = new StackCpu(1_000_000_000L, 200_000_000L);
        assertThat(used.beyondIdle(0.1, 2_000_000_000L)).isCloseTo(1.0, within(1e-9));
        // over 20 s the idle stack alone would have taken 2 s: nothing is left, not a negative
        assertThat(used.beyondIdle(0.1, 20_000_000_000L)).isZero();
    }
}
