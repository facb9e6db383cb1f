package fiblab.bench.overload;

import static org.assertj.core.api.Assertions.assertThat;

import fiblab.bench.stack.LocalTarget;
import fiblab.bench.stack.Target;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Very short overload and polling runs against the real local stack (ElasticMQ, dynalite, the
 * gateway and both functions) started from the repository's template.yaml, with the limits it sets
 * (no reserved concurrency: the account's 1,000). The inline client's patience is 2 s, so that a
 * 3 s step at 3x capacity outlasts it; the async client's is 60 s, so that it sees the drain.
 */
class OverloadScenariosIT {

    static final int N = 32;

    private static Target target;

    @BeforeAll
    static void startStack() throws Exception {
        target = LocalTarget.start(
                Path.of("..", "template.yaml"), Map.of(), Path.of("target", "overload-it", "local-stack.log"));
    }

    @AfterAll
    static void stopStack() {
        if (target != null) {
            target.close();
        }
    }

    @Test
    void overload_shouldRefuseInline_butAcceptEveryAsyncJobAndDrainIt_atThreeTimesCapacity() throws Exception {
        // Given the scenario at 1x and 3x each path's measured capacity, 3 s per step
        OverloadRunner.Settings settings = new OverloadRunner.Settings(
                N,
                List.of(1.0, 3.0),
                3,
                Duration.ofSeconds(2),
                Duration.ofSeconds(60),
                64,
                2,
                4,
                40,
                new PollingPolicy.HonourRetryAfter(Duration.ofSeconds(1)),
                4,
                1,
                4);
        PrintWriter log = new PrintWriter(System.err, true, StandardCharsets.UTF_8);

        // When it runs against the local stack
        OverloadReport report = new OverloadRunner(target.apiUrl(), "local stack", settings, log).run();

        // Then both capacities were measured, and there is one step per path and multiple
        assertThat(report.inlineCapacity()).isPositive();
        assertThat(report.asyncCapacity()).isPositive();
        assertThat(report.steps()).hasSize(4);
        OverloadStep inline3 = step(report, "inline", 3.0);
        OverloadStep async3 = step(report, "async", 3.0);

        // inline at 3x: the client sees refusals or timeouts, and far less than offered comes back right
        assertThat(inline3.refusedOrTimedOut()).isPositive();
        assertThat(inline3.goodputPerSecond()).isLessThan(0.8 * inline3.offeredPerSecond());

        // async at 3x: every job is accepted and ends DONE with the right value; a backlog built up and drained
        assertThat(async3.errors()).isEmpty();
        assertThat(async3.goodput()).isEqualTo(async3.sent());
        assertThat(async3.peakBacklog()).isPositive();
        assertThat(async3.drainSeconds()).isPositive();
        // and polling as Retry-After says costs about one poll per second of waiting, not hundreds
        assertThat(async3.apiRequestsPerJob()).isBetween(2.0, 2.0 + async3.p99Millis() / 1000.0 + 1);

        // the latency-over-time series covers the step, second by second
        assertThat(inline3.timeline()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(async3.timeline()).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void asyncStep_shouldReportTheQueuesWholeDrain_includingTheJobsItsClientGaveUpOn() throws Exception {
        // Given a client whose patience (1 s) runs out before Retry-After's first poll: it gives up on every job
        OverloadRunner.Settings settings = new OverloadRunner.Settings(
                N,
                List.of(3.0),
                3,
                Duration.ofSeconds(2),
                Duration.ofSeconds(1),
                64,
                2,
                4,
                40,
                new PollingPolicy.HonourRetryAfter(Duration.ofSeconds(1)),
                4,
                1,
                0);
        PrintWriter log = new PrintWriter(System.err, true, StandardCharsets.UTF_8);

        // When it offers 150 fib(32) jobs/s for 3 s, more than the local worker drains
        OverloadStep step = new OverloadRunner(target.apiUrl(), "local stack", settings, log).asyncStep(3.0, 50);

        // Then none counts as delivered: every one was given up on
        assertThat(step.goodput()).isZero();
        assertThat(step.errorCount(ErrorKind.TIMEOUT)).isEqualTo(step.sent());
        // but the backlog and the drain are the queue's, read from the jobs' records afterwards: jobs stored
        // during the step left the backlog, and the drain lasts until the last of them was stored
        assertThat(step.peakBacklog()).isPositive().isLessThan(step.sent());
        assertThat(step.drainSeconds()).isPositive();
    }

    @Test
    void pollingComparison_shouldShowThePoliteClientSendingFewerRequestsPerJob() throws Exception {
        // Given three clients polling the same kind of job (fib(36), 8 jobs at 4/s): long enough
        // (~0.1 s of compute plus the queue) that a 10 ms poller must ask more than once; with
        // fib(20) a job was sometimes DONE at the first poll and both clients made 2 requests a job
        // (a clean-clone CI run)
        List<PollingPolicy> policies = List.of(
                new PollingPolicy.HonourRetryAfter(Duration.ofSeconds(1)),
                new PollingPolicy.FixedInterval(Duration.ofMillis(10)),
                new PollingPolicy.ExponentialBackoff(Duration.ofMillis(20), 2, Duration.ofSeconds(1)));

        // When each polls its own jobs, the three policies' jobs interleaved in one schedule
        List<PollingComparison.Result> results =
                PollingComparison.run(target.apiUrl(), 36, 4, 8, policies, Duration.ofSeconds(30));

        // Then every job is answered under every policy
        assertThat(results).hasSize(3).allSatisfy(r -> assertThat(r.done()).isEqualTo(8));
        PollingComparison.Result polite = results.get(0);
        PollingComparison.Result eager = results.get(1);
        // the client that honours Retry-After makes fewer requests per job than the 10 ms poller
        assertThat(polite.requestsPerJob()).isLessThan(eager.requestsPerJob());
        // and pays for it in time to result: it waits the whole second the API asked for. (Which median is
        // lower is not asserted: the policies' jobs are interleaved, so both meet the same backlog, and on a
        // loaded machine 8 jobs' queueing outweighs the polite client's < 1 s of rounding; PollingCommand
        // measures the times.)
        assertThat(polite.p50Millis()).isGreaterThanOrEqualTo(1000);
        assertThat(polite.pollCostPerMillionJobsUsd()).isLessThan(eager.pollCostPerMillionJobsUsd());
    }

    private static OverloadStep step(OverloadReport report, String path, double multiple) {
        return report.steps().stream()
                .filter(s -> s.path().equals(path) && s.multiple() == multiple)
                .findFirst()
                .orElseThrow();
    }
}
