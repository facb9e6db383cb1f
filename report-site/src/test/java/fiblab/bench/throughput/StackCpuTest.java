package fiblab.bench.throughput;

import static org.assertj.core.api.Assertions.assertThat;

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
}
