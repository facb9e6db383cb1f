package fiblab.job;

import static org.assertj.core.api.Assertions.assertThat;

import fiblab.fib.Algorithm;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Retry-After per n, from the worker's cost model (README, "Decisions the contract left open"). */
class PollAdviceTest {

    private static final long NOW = 1_000_000;
    private final PollAdvice advice =
            new PollAdvice(CostModel.MEASURED, Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC));

    @ParameterizedTest(name = "naive fib({0}) pending: Retry-After {1}")
    @CsvSource({
        // estimated 0.95 s × φ^(n − 40), rounded down, at least 1 s, at most 30 s
        "10, 1",
        "30, 1",
        "40, 1",
        "41, 1",
        "42, 2",
        "43, 4",
        "44, 6",
        "45, 10",
        "47, 27",
        "48, 30",
        "51, 30"
    })
    void pending_shouldWaitTheWholeEstimatedComputeRoundedDown(int n, int seconds) {
        assertThat(advice.retryAfterSeconds(Job.pending("id", n, Algorithm.NAIVE, NOW, null, 0)))
                .isEqualTo(seconds);
    }

    @ParameterizedTest(name = "naive fib(45) running for {0} ms: Retry-After {1}")
    @CsvSource({"0, 10", "4000, 6", "9000, 1", "12000, 1"})
    void running_shouldWaitWhatIsLeftOfTheEstimate_andNeverLessThanASecond(long runningMillis, int seconds) {
        long submitted = NOW - 20_000;
        Job running = new Job(
                "id",
                45,
                Algorithm.NAIVE,
                JobStatus.RUNNING,
                null,
                null,
                null,
                submitted,
                NOW - runningMillis,
                null,
                null,
                1,
                null,
                null,
                0,
                submitted);
        assertThat(advice.retryAfterSeconds(running)).isEqualTo(seconds);
    }
}
