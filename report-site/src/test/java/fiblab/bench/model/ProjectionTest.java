package fiblab.bench.model;

import static org.assertj.core.api.Assertions.assertThat;

import fiblab.bench.cost.PriceList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The projection with fiblab's template on AWS quotas, for service times with easy consequences. */
class ProjectionTest {

    private final Projection projection =
            new Projection(AwsQuotas.load(), PriceList.load(), AwsProfile.fiblabTemplate(0.010, 0.5));

    @Test
    void project_shouldNameTheWorkerConcurrency_asWhatBindsTheAsyncPathFirst_forSlowJobs() {
        // Given fib(42) at about 1 s per job: 10 batches of 5 drain about 10 jobs/s
        List<ProjectionRow> rows = projection.project(42, ServiceTime.constant(1.0), 1.0, List.of(5.0, 50.0), 60);

        ProjectionRow asyncLow = find(rows, "async", 5);
        ProjectionRow asyncHigh = find(rows, "async", 50);
        assertThat(asyncLow.binding()).isEqualTo(Limit.NONE);
        assertThat(asyncHigh.binding()).isEqualTo(Limit.WORKER_CONCURRENCY);
        assertThat(asyncHigh.peakBacklog()).isGreaterThan(1000);
        // while inline at 50/s needs about 50 environments: far inside the account's 1,000
        ProjectionRow inlineHigh = find(rows, "inline", 50);
        assertThat(inlineHigh.throttledShare()).isLessThan(0.05);
        assertThat(inlineHigh.p99Millis()).isBetween(1000.0, 1700.0);
    }

    @Test
    void project_shouldHitTheAccountConcurrency_inlineBeforeTheApiThrottle() {
        // Given 1 s requests at 2,000/s: 2,000 environments wanted, 1,000 allowed
        List<ProjectionRow> rows = projection.project(42, ServiceTime.constant(1.0), 1.0, List.of(2_000.0), 20);

        ProjectionRow inline = find(rows, "inline", 2_000);
        assertThat(inline.binding()).isIn(Limit.LAMBDA_CONCURRENCY, Limit.LAMBDA_SCALING_RATE);
        assertThat(inline.throttledShare()).isGreaterThan(0.4);
        assertThat(inline.goodputPerSecond()).isLessThan(1_000);
        assertThat(inline.costPerHourUsd()).isPositive();
    }

    @Test
    void project_shouldThrottleAtTheApi_aboveItsRate() {
        // Given fast requests (10 ms) at 20,000/s: twice the account's 10,000/s
        List<ProjectionRow> rows = projection.project(30, ServiceTime.constant(0.010), 0.010, List.of(20_000.0), 5);

        ProjectionRow inline = find(rows, "inline", 20_000);
        assertThat(inline.binding()).isEqualTo(Limit.API_THROTTLE);
        assertThat(inline.throttledShare()).isBetween(0.4, 0.55);
    }

    private static ProjectionRow find(List<ProjectionRow> rows, String path, double rate) {
        return rows.stream()
                .filter(r -> r.path().equals(path) && r.offeredPerSecond() == rate)
                .findFirst()
                .orElseThrow();
    }
}
