package fiblab.bench.coldstart;

import static org.assertj.core.api.Assertions.assertThat;

import fiblab.bench.result.ColdStart.Sample;
import fiblab.bench.result.ColdStart.Spread;
import fiblab.bench.result.ColdStart.Summary;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColdStartSummaryTest {

    @Test
    void summarise_shouldGivePercentilesOfTheSuccessfulSamplesOnly() {
        // Given three good samples and a failed one with an absurd time
        List<Sample> samples =
                List.of(sample(true, 300.0), sample(true, 100.0), sample(true, 200.0), sample(false, 99_999.0));

        // When
        Summary summary = ColdStartBench.summarise(samples);

        // Then
        assertThat(summary.ok()).isEqualTo(3);
        assertThat(summary.failed()).isEqualTo(1);
        assertThat(summary.initMillis()).isEqualTo(new Spread(3, 200.0, 300.0, 300.0, 100.0));
        assertThat(summary.wallMillis()).isEqualTo(new Spread(3, 50.0, 50.0, 50.0, 50.0));
        // a timing no successful sample has is left out, not summarised as zeros
        assertThat(summary.primingMillis()).isNull();
    }

    @Test
    void spread_shouldRoundToHundredths_andCountTheSamples() {
        assertThat(Spread.of(List.of(1.234, 5.678))).isEqualTo(new Spread(2, 1.23, 5.68, 5.68, 1.23));
        assertThat(Spread.of(List.of())).isEqualTo(new Spread(0, null, null, null, null));
    }

    private static Sample sample(boolean ok, double initMillis) {
        return new Sample(
                null,
                null,
                null,
                initMillis,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                50.0,
                0,
                ok);
    }

    @Test
    void answered_shouldAcceptOnlyA202FromTheApi_andNoFailedMessageFromTheWorker() {
        var api = ColdStartBench.FUNCTIONS.get(0);
        var worker = ColdStartBench.FUNCTIONS.get(1);
        assertThat(ColdStartBench.answered(api, "{\"statusCode\":202,\"body\":\"{}\"}"))
                .isTrue();
        assertThat(ColdStartBench.answered(api, "{\"statusCode\":503}")).isFalse();
        assertThat(ColdStartBench.answered(worker, "{\"batchItemFailures\":[]}"))
                .isTrue();
        assertThat(ColdStartBench.answered(worker, "{\"batchItemFailures\":[{\"itemIdentifier\":\"m1\"}]}"))
                .isFalse();
    }
}
