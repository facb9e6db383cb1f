package fiblab.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import fiblab.bench.path.Operation;
import fiblab.bench.path.Sample;
import fiblab.bench.stats.LatencySummary;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OpenLoopTest {

    @Test
    void latency_shouldCountFromIntendedSendTime_whenTheServerStalls() throws InterruptedException {
        // Given one sender at 100/s (a request due every 10 ms) and a server whose first answer takes 300 ms
        AtomicInteger calls = new AtomicInteger();
        Operation stallsOnce = () -> {
            if (calls.getAndIncrement() == 0) {
                sleep(300);
            }
            return Sample.inline(-1);
        };

        // When 40 requests are scheduled
        LoadRun run = OpenLoop.run(stallsOnce, 100, 40, 1, Duration.ofSeconds(30), ProgressListener.NONE);

        // Then the requests that were due during the stall count their wait: about 300, 290, 280 … ms
        LatencySummary intended = LatencySummary.of(run.recorder().latency());
        LatencySummary service = LatencySummary.of(run.recorder().serviceTime());
        assertThat(run.recorder().sentCount()).isEqualTo(40);
        assertThat(run.recorder().okCount()).isEqualTo(40);
        assertThat(intended.max()).isGreaterThanOrEqualTo(300);
        assertThat(intended.p50())
                .as("half the requests were due during the stall")
                .isGreaterThan(50);
        // while the service time (from the actual send) hides the wait for all but one request
        assertThat(service.p90()).isLessThan(50);
        assertThat(service.max()).isGreaterThanOrEqualTo(300);
    }

    @Test
    void run_shouldKeepTheSchedule_whenTheServerIsFast() throws InterruptedException {
        // Given an instant server, 50 requests at 200/s
        long start = System.nanoTime();

        // When
        LoadRun run = OpenLoop.run(() -> Sample.inline(-1), 200, 50, 4, Duration.ofSeconds(30), ProgressListener.NONE);

        // Then the run lasts the schedule (49 intervals of 5 ms), not less
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(elapsedMillis).isGreaterThanOrEqualTo(245);
        assertThat(run.recorder().sentCount()).isEqualTo(50);
        assertThat(run.mode()).isEqualTo("open");
        assertThat(run.ratePerSecond()).isEqualTo(200);
    }

    @Test
    void run_shouldStopSendingAndSaySo_whenTheBudgetEnds() throws InterruptedException {
        // Given a schedule of 10 s at 10/s but a budget of 0.5 s
        LoadRun run = OpenLoop.run(() -> Sample.inline(-1), 10, 100, 2, Duration.ofMillis(500), ProgressListener.NONE);

        // Then only the requests due inside the budget were sent, and the run says it was cut short
        assertThat(run.recorder().sentCount()).isBetween(5L, 6L);
        assertThat(run.stoppedByBudget()).isTrue();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
