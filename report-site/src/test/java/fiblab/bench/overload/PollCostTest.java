package fiblab.bench.overload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fiblab.bench.cost.PriceList;
import fiblab.bench.model.AwsQuotas;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A poll's price from the dated files, and the polling comparison's per-policy tally. */
class PollCostTest {

    @Test
    void poll_shouldCostItsRequestsAndItsLambdaDuration_atTheDatedPrices() {
        // Given 10 ms billed at 1,769 MB: 0.01 s × 1.7275 GB = 0.017275 GB-s
        PollCost cost = new PollCost(10, 1769);
        assertThat(cost.gbSeconds()).isCloseTo(0.017275, within(1e-6));

        // Then per million polls: HTTP API $1.00 + Lambda requests $0.20 + duration 17,275 GB-s × $0.0000166667
        // ($0.288) + GetItem $0.125 = $1.613
        assertThat(cost.usd(PriceList.load()) * 1e6).isCloseTo(1.613, within(0.001));
    }

    @Test
    void pollOnAws_shouldBillTheQuotaFilesGetItemLatencyPlusTheHandler() {
        PollCost cost = PollCost.onAws(AwsQuotas.load());
        assertThat(cost.billedMillis()).isEqualTo(Math.ceil(AwsQuotas.load().value("dynamoDbGetItemLatency") + 1));
        assertThat(cost.memoryMb()).isEqualTo(1769);
    }

    @Test
    void result_shouldCountPollsPerJob_andTimesOfTheRightAnswersOnly() {
        // Given two jobs seen DONE after 1 and 3 polls, and one that timed out after 5 polls
        List<OverloadSample> samples = List.of(
                new OverloadSample(0, 1_000_000_000L, null, 1, 1, 1, 1),
                new OverloadSample(0, 3_000_000_000L, null, 1, 1, 1, 3),
                new OverloadSample(0, 9_000_000_000L, ErrorKind.TIMEOUT, 1, -1, -1, 5));

        PollingComparison.Result r = PollingComparison.result("retry-after", samples, 2e-6);

        // Then 9 polls over 3 jobs: 4 requests per job, $6 per million jobs; the timeout is not a time to result
        assertThat(r.jobs()).isEqualTo(3);
        assertThat(r.done()).isEqualTo(2);
        assertThat(r.requestsPerJob()).isCloseTo(4, within(1e-9));
        assertThat(r.pollCostPerMillionJobsUsd()).isCloseTo(6, within(1e-9));
        assertThat(r.p99Millis()).isCloseTo(3000, within(5.0));
    }

    @Test
    void firstDelay_shouldWaitItsOwnTimeFirst_thenWhatTheApiSays() {
        PollingPolicy policy = new PollingPolicy.FirstDelay(Duration.ofSeconds(2));
        assertThat(policy.delay(0, 1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.delay(1, 1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.delay(2, 3)).isEqualTo(Duration.ofSeconds(3));
        assertThat(policy.delay(2, -1)).isEqualTo(Duration.ofSeconds(1));
    }
}
