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

    @Test
    void asyncPolls_shouldShareTheApiThrottle_withTheSubmits() {
        // Given fib(30)-like jobs (3 ms) at 10,000/s: submits alone fill the account's 10,000 requests/s, and
        // every admitted job's client polls each second until it sees its result
        AsyncModel async = AwsProfile.fiblabTemplate(0.010, 0.5).async(AwsQuotas.load());
        LoadPoint load = new LoadPoint(10_000, 10, Arrivals.POISSON, 1);
        PathPrediction submitsOnly = async.predict(load, ServiceTime.constant(0.003));
        assertThat(Projection.requestsPerSecond(submitsOnly, load)).isGreaterThan(15_000);

        PathPrediction shared = Projection.asyncWithPollsThrottled(async, load, ServiceTime.constant(0.003));

        // Then the submits and polls let in fit in the throttle, and the throttle is named with its polls
        assertThat(Projection.requestsPerSecond(shared, load)).isBetween(9_000.0, 10_000.0);
        assertThat(shared.throttledShare()).isGreaterThan(submitsOnly.throttledShare());
        assertThat(shared.binding()).isIn(Limit.API_THROTTLE_WITH_POLLS, Limit.BACKLOG_POLLS_THROTTLED);
    }

    @Test
    void asyncCost_shouldNotFall_asMoreOfTheOfferedLoadIsRefused() {
        // Given fib(30)-like jobs at 1,000, 10,000 and 100,000/s: past the throttle, about as many jobs are let in
        List<ProjectionRow> rows =
                projection.project(30, ServiceTime.constant(0.003), 0.003, List.of(1_000.0, 10_000.0, 100_000.0), 5);

        // Then an hour costs about the same at each (refused submits are not billed, nor do they poll), never
        // a fraction of it because the polls of the jobs let in were spread over the refused ones too
        double at10k = find(rows, "async", 10_000).costPerHourUsd();
        double at100k = find(rows, "async", 100_000).costPerHourUsd();
        assertThat(at100k).isCloseTo(at10k, org.assertj.core.data.Percentage.withPercentage(15));
        assertThat(find(rows, "async", 1_000).costPerHourUsd()).isLessThanOrEqualTo(at10k * 1.15);
    }

    @Test
    void goodput_shouldNotPassTheOfferedRate_whenPoissonArrivalsCameAboveIt() {
        // Given the projection's first point (seed 1): more than the 300 arrivals 10/s for 30 s would mean
        LoadPoint first = new LoadPoint(10, 30, Arrivals.POISSON, 1);
        PathPrediction inline = AwsProfile.fiblabTemplate(0.010, 0.5)
                .inline(AwsQuotas.load())
                .predict(first, ServiceTime.constant(0.003));
        assertThat(inline.offered()).isGreaterThan(300);

        List<ProjectionRow> rows = projection.project(30, ServiceTime.constant(0.003), 0.003, List.of(10.0), 30);

        assertThat(find(rows, "inline", 10).goodputPerSecond()).isLessThanOrEqualTo(10.0);
        assertThat(find(rows, "async", 10).goodputPerSecond()).isLessThanOrEqualTo(10.0);
    }

    private static ProjectionRow find(List<ProjectionRow> rows, String path, double rate) {
        return rows.stream()
                .filter(r -> r.path().equals(path) && r.offeredPerSecond() == rate)
                .findFirst()
                .orElseThrow();
    }
}
