package fiblab.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import fiblab.bench.path.Sample;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
    void run_shouldKeepEveryClientBusy_andNeverMoreThanItsClients() throws InterruptedException {
        // Given an operation that only returns once 5 operations are in flight together
        AtomicInteger inFlight = new AtomicInteger();
        AtomicLong most = new AtomicLong();
        CyclicBarrier allFive = new CyclicBarrier(5);

        // When 5 clients send 100 operations
        LoadRun run = ClosedLoop.run(
                () -> {
                    most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    await(allFive);
                    inFlight.decrementAndGet();
                    return Sample.inline(-1);
                },
                5,
                100,
                Duration.ofSeconds(30),
                ProgressListener.NONE);

        // Then all 100 met in rounds of 5 (a client that idled would leave a round waiting: a timeout
        // is a failed operation), and never was a sixth in flight
        assertThat(run.recorder().okCount()).isEqualTo(100);
        assertThat(most.get()).isEqualTo(5);
    }

    @Test
    void run_shouldStopSendingAndSaySo_whenTheBudgetEnds() throws InterruptedException {
        // Given operations that each outlast the whole budget
        Duration budget = Duration.ofMillis(300);

        // When 2 clients have 1,000 to send
        LoadRun run = ClosedLoop.run(
                () -> {
                    // started after the run did, so it ends after the budget whatever the scheduler does
                    OpenLoopTest.sleep(budget.toMillis() + 100);
                    return Sample.inline(-1);
                },
                2,
                1_000,
                budget,
                ProgressListener.NONE);

        // Then each client sent one, found the budget spent, and stopped; the run says it was cut short
        assertThat(run.recorder().sentCount()).isEqualTo(2);
        assertThat(run.stoppedByBudget()).isTrue();
        assertThat(run.recorder().okCount()).isEqualTo(run.recorder().sentCount());
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
            throw new IllegalStateException("the other clients never came: " + e, e);
        }
    }
}
