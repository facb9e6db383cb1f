package fiblab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressLinesTest {

    @Test
    void progress_shouldWriteAPlainLineEveryInterval_whenTheOutputIsAFileOrAPipe() {
        // Given a run of 1000 operations spread over 12 simulated seconds and a 5 s interval
        StringWriter log = new StringWriter();
        AtomicLong clock = new AtomicLong();
        ProgressLines progress =
                new ProgressLines(new PrintWriter(log), "seed inline", 1000, Duration.ofSeconds(5), clock::get);

        // When every operation completes 12 ms after the previous one
        for (int i = 0; i < 1000; i++) {
            clock.addAndGet(12_000_000L);
            progress.completed();
        }
        progress.close();

        // Then the log holds a start line, one line per 5 s and an end line, and no redrawn frames
        assertThat(log.toString()).doesNotContain("\r");
        assertThat(log.toString().lines())
                .containsExactly(
                        "seed inline: started, 1000 to do",
                        "seed inline: 417/1000 (41 %) after 5 s",
                        "seed inline: 834/1000 (83 %) after 10 s",
                        "seed inline: 1000/1000 (100 %) after 12 s (done)");
    }

    @Test
    void progress_shouldStayQuiet_betweenIntervals() {
        StringWriter log = new StringWriter();
        ProgressLines progress =
                new ProgressLines(new PrintWriter(log), "warm-up", 50, Duration.ofSeconds(5), () -> 0L);
        for (int i = 0; i < 50; i++) {
            progress.completed();
        }
        assertThat(log.toString().lines()).containsExactly("warm-up: started, 50 to do");
    }
}
