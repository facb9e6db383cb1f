package fiblab.bench.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PriceListTest {

    @Test
    void load_shouldGiveEveryPriceASource_andTheFileADate() {
        // When
        PriceList prices = PriceList.load();

        // Then
        assertThat(prices.checked()).isEqualTo(LocalDate.of(2026, 11, 25));
        assertThat(prices.region()).isEqualTo("us-east-1");
        assertThat(prices.note()).contains("free tiers ignored", "check before relying on it");
        assertThat(prices.prices())
                .containsOnlyKeys(
                        "lambdaRequest",
                        "lambdaGbSecond",
                        "httpApiRequest",
                        "sqsRequest",
                        "dynamoDbWrite",
                        "dynamoDbRead");
        assertThat(prices.prices().values())
                .allSatisfy(p -> assertThat(p.source()).startsWith("https://aws.amazon.com/"));
        assertThat(prices.price("lambdaGbSecond").usd()).isEqualTo(0.0000166667);
        assertThat(prices.price("dynamoDbWrite").costOf(1_000_000)).isEqualTo(0.625);
    }

    @Test
    void parse_shouldRefuseAPrice_withoutASource() {
        String json =
                "{\"checked\": \"2026-11-25\", \"prices\": {\"x\": {\"usd\": 1, \"per\": 1, \"unit\": \"requests\"}}}";

        assertThatThrownBy(() -> PriceList.parse(json)).hasMessageContaining("x has no source URL");
    }

    @Test
    void parse_shouldRefusePrices_withoutTheDateTheyWereChecked() {
        String json =
                "{\"prices\": {\"x\": {\"usd\": 1, \"per\": 1, \"unit\": \"requests\", \"source\": \"https://aws.amazon.com/\"}}}";

        assertThatThrownBy(() -> PriceList.parse(json)).hasMessageContaining("'checked' must be the date");
    }
}
