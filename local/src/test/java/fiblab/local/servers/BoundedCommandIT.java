package fiblab.local.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fiblab.local.servers.BoundedCommand.CommandTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Real child processes (/bin/sh) under {@link BoundedCommand}'s bound. */
class BoundedCommandIT {

    @Test
    void run_shouldStopTheChildAtTheBound_whenItSleepsPastIt() {
        // Given a child that would sleep 30 s and prints its pid first
        ProcessBuilder sleeper = new ProcessBuilder("sh", "-c", "echo started $$; exec sleep 30");
        AtomicLong pid = new AtomicLong();
        long t0 = System.nanoTime();

        // When it runs with a 1 s bound
        assertThatThrownBy(() -> BoundedCommand.run("the sleeper", sleeper, Duration.ofSeconds(1)))
                // Then the error names it, the bound and what it printed
                .isInstanceOf(CommandTimeoutException.class)
                .hasMessageContaining("the sleeper did not finish within 1 s; stopped it (pid ")
                .hasMessageContaining("started")
                .satisfies(e -> pid.set(Long.parseLong(e.getMessage().replaceAll("(?s).*\\(pid (\\d+)\\).*", "$1"))));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);

        // and it came back near the bound, not after the 30 s sleep, with the child gone
        assertThat(elapsed).isLessThan(Duration.ofSeconds(10));
        Optional<ProcessHandle> child = ProcessHandle.of(pid.get());
        assertThat(child.map(ProcessHandle::isAlive).orElse(false))
                .as("child still alive")
                .isFalse();
        assertThat(ChildProcesses.runningPids()).doesNotContain(pid.get());
    }

    @Test
    void run_shouldReturnEveryByte_whenTheChildWritesMoreThanAPipeHolds() throws Exception {
        // 1 MiB on stdout and a line on stderr: a child blocked on a full pipe would hit the bound
        ProcessBuilder writer =
                new ProcessBuilder("sh", "-c", "head -c 1048576 /dev/zero | tr '\\0' x; echo oops >&2; exit 3");

        BoundedCommand.Result result = BoundedCommand.run("the writer", writer, Duration.ofSeconds(30));

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.succeeded()).isFalse();
        assertThat(result.stdout()).hasSize(1_048_576).matches("x+");
        assertThat(result.stderr()).isEqualTo("oops\n");
    }

    @Test
    void run_shouldMergeStderrIntoStdout_whenTheBuilderAsksForIt() throws Exception {
        ProcessBuilder both = new ProcessBuilder("sh", "-c", "echo out; echo err >&2").redirectErrorStream(true);

        BoundedCommand.Result result = BoundedCommand.run("both", both, Duration.ofSeconds(30));

        assertThat(result.succeeded()).isTrue();
        assertThat(result.stdout()).contains("out\n").contains("err\n");
        assertThat(result.stderr()).isEmpty();
    }

    @Test
    void run_shouldFailWithIOException_whenTheCommandDoesNotExist() {
        assertThatThrownBy(() -> BoundedCommand.run(
                        "nothing", new ProcessBuilder("/no/such/fiblab-command"), Duration.ofSeconds(5)))
                .isInstanceOf(java.io.IOException.class)
                .isNotInstanceOf(CommandTimeoutException.class);
    }
}
