package fiblab.bench.coldstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ColdStartSummaryTest {

    @Test
    void summarise_shouldGivePercentilesOfTheSuccessfulSamplesOnly() {
        // Given three good samples and a failed one with an absurd time
        List<Map<String, Object>> samples = List.of(
                Map.of("ok", true, "initMillis", 300.0),
                Map.of("ok", true, "initMillis", 100.0),
                Map.of("ok", true, "initMillis", 200.0),
                Map.of("ok", false, "initMillis", 99_999.0));

        // When
        Map<String, Object> summary = ColdStartBench.summarise(samples);

        // Then
        assertThat(summary).containsEntry("ok", 3).containsEntry("failed", 1);
        @SuppressWarnings("unchecked")
        Map<String, Object> init = (Map<String, Object>) summary.get("initMillis");
        assertThat(init)
                .containsEntry("p50", 200.0)
                .containsEntry("p90", 300.0)
                .containsEntry("max", 300.0)
                .containsEntry("min", 100.0);
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
