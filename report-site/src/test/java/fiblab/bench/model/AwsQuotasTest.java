package fiblab.bench.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AwsQuotasTest {

    private static final String ENTRY = """
            {"quotas": {"rate": {"value": 10000, "unit": "requests per second", "description": "d",
              "documented": true, "source": "https://docs.aws.amazon.com/x", "retrieved": "2026-12-01", "note": ""}}}
            """;

    @Test
    void load_shouldGiveEveryShippedEntryASourceAndADate() {
        // When the shipped file is read
        AwsQuotas quotas = AwsQuotas.load();

        // Then the numbers the model needs are there, each dated and sourced
        assertThat(quotas.value("httpApiThrottleRate")).isEqualTo(10_000);
        assertThat(quotas.value("httpApiThrottleBurst")).isEqualTo(5_000);
        assertThat(quotas.value("lambdaAccountConcurrency")).isEqualTo(1_000);
        assertThat(quotas.value("lambdaScalingRate")).isEqualTo(1_000);
        assertThat(quotas.value("sqsEventSourceInitialBatches")).isEqualTo(5);
        assertThat(quotas.value("sqsEventSourceScaleUpPerMinute")).isEqualTo(300);
        assertThat(quotas.value("httpApiIntegrationTimeout")).isEqualTo(30);
        assertThat(quotas.quotas().values()).allSatisfy(q -> {
            assertThat(q.source()).startsWith("https://");
            assertThat(q.retrieved()).isAfter(LocalDate.of(2026, 1, 1));
        });
        // and the numbers AWS does not publish say so
        assertThat(quotas.quota("sqsSendMessageLatency").documented()).isFalse();
        assertThat(quotas.quota("sqsSendMessageLatency").note()).contains("NOT DOCUMENTED");
    }

    @Test
    void parse_shouldRefuseAnEntry_withoutASource() {
        String json = ENTRY.replace("\"source\": \"https://docs.aws.amazon.com/x\", ", "");
        assertThatThrownBy(() -> AwsQuotas.parse(json)).hasMessageContaining("rate has no source URL");
    }

    @Test
    void parse_shouldRefuseAnEntry_withoutARetrievalDate() {
        String json = ENTRY.replace("\"retrieved\": \"2026-12-01\", ", "");
        assertThatThrownBy(() -> AwsQuotas.parse(json)).hasMessageContaining("rate needs 'retrieved'");
    }

    @Test
    void parse_shouldRefuseAnUndocumentedNumber_thatDoesNotSayWhereItCameFrom() {
        String json = ENTRY.replace("\"documented\": true", "\"documented\": false");
        assertThatThrownBy(() -> AwsQuotas.parse(json)).hasMessageContaining("note must say where");
    }

    @Test
    void parse_shouldReadAWellFormedEntry() throws Exception {
        AwsQuotas.Quota rate = AwsQuotas.parse(ENTRY).quota("rate");
        assertThat(rate.value()).isEqualTo(10_000);
        assertThat(rate.retrieved()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(rate.low()).isNaN();
    }
}
