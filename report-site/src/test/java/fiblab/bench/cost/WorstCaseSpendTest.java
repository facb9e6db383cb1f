package fiblab.bench.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fiblab.bench.result.WorstCase;
import fiblab.local.template.SamTemplate;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorstCaseSpendTest {

    private static final Path TEMPLATE = Path.of("../template.yaml");
    private final PriceList prices = PriceList.load();

    private List<WorstCaseSpend.HourlyItem> at(Map<String, String> overrides) {
        return WorstCaseSpend.perHour(SamTemplate.load(TEMPLATE, overrides), prices);
    }

    private static double item(List<WorstCaseSpend.HourlyItem> items, String startOfItem) {
        return items.stream()
                .filter(i -> i.item().startsWith(startOfItem))
                .mapToDouble(WorstCaseSpend.HourlyItem::usdPerHour)
                .sum();
    }

    @Test
    void apiDuration_shouldGrowByOneInstanceHour_perReservedInstance() {
        // Given the defaults, and one more reserved API instance
        List<WorstCaseSpend.HourlyItem> defaults = at(Map.of());
        int reserved = Integer.parseInt(
                SamTemplate.load(TEMPLATE, Map.of()).parameters().get("ApiReservedConcurrency"));
        List<WorstCaseSpend.HourlyItem> more = at(Map.of("ApiReservedConcurrency", String.valueOf(reserved + 1)));

        // Then one instance busy for an hour at 1769 MB is 3600 s x 1.7275 GB at the price file's GB-second
        double oneInstanceHour =
                3600 * 1769 / 1024.0 * prices.prices().get("lambdaGbSecond").usd();
        assertThat(item(more, "ApiFunction duration") - item(defaults, "ApiFunction duration"))
                .isCloseTo(oneInstanceHour, within(1e-9));
        assertThat(item(defaults, "ApiFunction duration")).isCloseTo(reserved * oneInstanceHour, within(1e-9));
    }

    @Test
    void apiGateway_shouldCountEveryRouteAtItsRate_butNotTheBursts() {
        List<WorstCaseSpend.HourlyItem> defaults = at(Map.of());
        List<WorstCaseSpend.HourlyItem> biggerBursts = at(Map.of("InlineBurstLimit", "2000"));
        List<WorstCaseSpend.HourlyItem> fasterInline = at(Map.of("InlineRateLimit", "11"));

        assertThat(WorstCaseSpend.total(biggerBursts)).isEqualTo(WorstCaseSpend.total(defaults));
        // one more request per second is 3600 API Gateway requests and 3600 Lambda requests an hour
        double perRequest = prices.prices().get("httpApiRequest").costOf(1)
                + prices.prices().get("lambdaRequest").costOf(1);
        assertThat(WorstCaseSpend.total(fasterInline) - WorstCaseSpend.total(defaults))
                .isCloseTo(3600 * perRequest, within(1e-9));
    }

    @Test
    void total_shouldBeTheSumOfItsItems_andLedByLambdaDuration_atTheDefaults() {
        List<WorstCaseSpend.HourlyItem> items = at(Map.of());

        double lambdaDuration = item(items, "ApiFunction duration") + item(items, "WorkerFunction duration");
        assertThat(WorstCaseSpend.total(items))
                .isCloseTo(
                        items.stream()
                                .mapToDouble(WorstCaseSpend.HourlyItem::usdPerHour)
                                .sum(),
                        within(1e-12))
                .isGreaterThan(lambdaDuration)
                .isLessThan(2 * lambdaDuration + 5);
        assertThat(items).allSatisfy(i -> assertThat(i.usdPerHour()).isPositive());
    }

    @Test
    void of_shouldRecordTheTemplatesDefaultsPlusTheGivenOverrides_withThePriceFilesDate() {
        // Given the template with one explicit override (as -P gives it)
        Map<String, String> overrides = Map.of("InlineRateLimit", "11");

        // When the worst case is recorded for results.json
        WorstCase recorded = WorstCaseSpend.of(TEMPLATE, overrides, prices);

        // Then it is the figure at those values: the override in, every other parameter the template's default
        Map<String, String> defaults = SamTemplate.load(TEMPLATE, Map.of()).parameters();
        assertThat(recorded.template()).isEqualTo("template.yaml");
        assertThat(recorded.overrides()).isEqualTo(overrides);
        assertThat(recorded.parameters()).containsOnlyKeys(WorstCaseSpend.PARAMETERS);
        WorstCaseSpend.PARAMETERS.forEach(
                name -> assertThat(recorded.parameters().get(name))
                        .as(name)
                        .isEqualTo(overrides.getOrDefault(name, defaults.get(name))));
        assertThat(recorded.totalUsdPerHour()).isEqualTo(WorstCaseSpend.total(at(overrides)));
        assertThat(recorded.totalUsdPerHour()).isGreaterThan(WorstCaseSpend.total(at(Map.of())));
        assertThat(recorded.items())
                .extracting(WorstCase.Item::usdPerHour)
                .containsExactlyElementsOf(at(overrides).stream()
                        .map(WorstCaseSpend.HourlyItem::usdPerHour)
                        .toList());
        assertThat(recorded.items()).allSatisfy(i -> assertThat(i.unit()).isNotBlank());
        assertThat(recorded.checked()).isEqualTo(prices.checked().toString());
        assertThat(recorded.region()).isEqualTo(prices.region());
        assertThat(recorded.notIncluded()).isEqualTo(WorstCaseSpend.notIncluded());
    }
}
