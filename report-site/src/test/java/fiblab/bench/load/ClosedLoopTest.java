package fiblab.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import fiblab.bench.path.Sample;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ClosedLoopTest {

    @Test
    void run_shouldSendExactlyThePlannedCount_andCountEveryError() throws InterruptedException {
        // Given an operation where every third call fails and every fifth throws
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger progress = new AtomicInteger();

        // When 300 operations run from 7 clients
        LoadRun run = ClosedLoop.run(
                () -> {
                    int call = calls.incrementAndGet();
                    if (call % 5 == 0) {
                        throw new IllegalStateException("boom");
                    }
                    return call % 3 == 0 ? Sample.failed("http-503") : Sample.inline(100);
                },
                7,
                300,
                Duration.ofSeconds(30),
                progress::incrementAndGet);

        // Then every sent operation is a success or a counted error; none is dropped
        RunRecorder recorder = run.recorder();
        assertThat(recorder.sentCount()).isEqualTo(300);
        assertThat(calls.get()).isEqualTo(300);
        assertThat(progress.get()).isEqualTo(300);
        assertThat(recorder.okCount() + recorder.errorCount()).isEqualTo(300);
        assertThat(recorder.errors()).isEqualTo(Map.of("client-IllegalStateException", 60L, "http-503", 80L));
        assertThat(recorder.latency().getTotalCount()).isEqualTo(recorder.okCount());
        assertThat(recorder.compute().getTotalCount()).isEqualTo(recorder.okCount());
        assertThat(run.stoppedByBudget()).isFalse();
    }

    @Test
    void run_shouldNeverExceedItsClients_whenOperationsOverlap() throws InterruptedException {
        // Given an operation that tracks how many run at once
        AtomicInteger inFlight = new AtomicInteger();
        AtomicLong most = new AtomicLong();

        // When 5 clients send 100 operations of ~2 ms
        ClosedLoop.run(
                () -> {
                    most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    OpenLoopTest.sleep(2);
                    inFlight.decrementAndGet();
                    return Sample.inline(-1);
                },
                5,
                100,
                Duration.ofSeconds(30),
                ProgressListener.NONE);

        // Then at most 5 were ever in flight, and more than one was
        assertThat(most.get()).isBetween(2L, 5L);
    }

    @Test
    void run_shouldStopSendingAndSaySo_whenTheBudgetEnds() throws InterruptedException {
        LoadRun run = ClosedLoop.run(
                () -> {
                    OpenLoopTest.sleep(50);
                    return Sample.inline(-1);
                },
                2,
                1_000,
                Duration.ofMillis(300),
                ProgressListener.NONE);

        assertThat(run.recorder().sentCount()).isBetween(6L, 16L);
        assertThat(run.stoppedByBudget()).isTrue();
        assertThat(run.recorder().okCount()).isEqualTo(run.recorder().sentCount());
    }
}
