package fiblab.bench.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class CostModelTest {

    private final PriceList prices = PriceList.load();

    /** 1 GB for the API, 2 GB for the worker, batches of 5, small items, 2 polls per job. */
    private static CostInputs inputs(long resultItemBytes) {
        return new CostInputs(1024, 2048, 5, 10.0, 100, 4.0, 2.0, 2.0, 10.1, 150, resultItemBytes, 100);
    }

    @Test
    void inline_shouldCostOneHttpApiRequestOneInvocationAndItsDuration_perRequest() {
        // Given 10 ms billed at 1 GB: 0.01 GB-s per request, 10,000 GB-s per million
        // When
        PathCost inline = CostModel.estimate(inputs(200), prices).get(0);

        // Then $1.00 (HTTP API) + $0.20 (requests) + 10,000 × $0.0000166667
        assertThat(inline.path()).isEqualTo("inline");
        assertThat(inline.lines()).hasSize(3);
        assertThat(inline.lines().get(0).costPerMillion()).isCloseTo(1.00, within(1e-9));
        assertThat(inline.lines().get(1).costPerMillion()).isCloseTo(0.20, within(1e-9));
        assertThat(inline.lines().get(2).costPerMillion()).isCloseTo(0.166667, within(1e-9));
        assertThat(inline.totalPerMillion()).isCloseTo(1.366667, within(1e-9));
        assertThat(inline.dominant())
                .startsWith("API Gateway dominates the inline path: $1.00 of $1.37 per million requests (73 %)");
    }

    @Test
    void async_shouldCountSubmitPollsAndWorker_perJob() {
        // When
        PathCost async = CostModel.estimate(inputs(200), prices).get(1);

        // Then: submit 1.00 + 0.20 + 4,000 GB-s + 0.625 + 0.40; polls 2 × (1.00 + 0.20 + 2,000 GB-s + 0.125);
        // worker per batch of 5: 0.40 + 0.20 (receive, invocation), ceil(5 × 10.1 ms) = 51 ms over 5 jobs at 2 GB,
        // claim and result writes 0.625 each, delete 0.40; the per-batch lines divided by 5
        double gbSecond = 0.0000166667;
        double expected = 1.00
                + 0.20
                + 4_000 * gbSecond
                + 0.625
                + 0.40
                + 2 * (1.00 + 0.20 + 2_000 * gbSecond + 0.125)
                + 0.40 / 5
                + 0.20 / 5
                + 51.0 / 5 / 1_000 * 2 * 1_000_000 * gbSecond
                + 0.625
                + 0.625
                + 0.40 / 5;
        assertThat(async.totalPerMillion()).isCloseTo(expected, within(1e-9));
        assertThat(async.byService()).containsOnlyKeys("API Gateway", "Lambda", "SQS", "DynamoDB");
        assertThat(async.byService().keySet().iterator().next()).isEqualTo("API Gateway");
    }

    @Test
    void async_shouldBillWritesByKilobyteAndReadsByFourKilobytes_whenTheResultIsLarge() {
        // Given a 200,000-byte result item: 196 started KB, 49 started 4 KB blocks
        PathCost async = CostModel.estimate(inputs(200_000), prices).get(1);

        // Then
        List<LineItem> lines = async.lines();
        assertThat(line(lines, "worker: UpdateItem, result").unitsPerMillion()).isEqualTo(196_000_000);
        assertThat(line(lines, "GetItem").unitsPerMillion()).isEqualTo(2 * 49_000_000);
        assertThat(line(lines, "worker: UpdateItem, claim").unitsPerMillion()).isEqualTo(1_000_000);
    }

    @Test
    void chunks_shouldCountEveryStartedIncrement_andAtLeastOne() {
        assertThat(CostModel.chunks(0, 1024)).isEqualTo(1);
        assertThat(CostModel.chunks(1024, 1024)).isEqualTo(1);
        assertThat(CostModel.chunks(1025, 1024)).isEqualTo(2);
    }

    private static LineItem line(List<LineItem> lines, String part) {
        return lines.stream().filter(l -> l.item().contains(part)).findFirst().orElseThrow();
    }
}
