package fiblab.bench.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fiblab.bench.result.Cost;
import fiblab.bench.result.Results;
import fiblab.bench.result.ResultsJson;
import fiblab.bench.result.ScenarioResult;
import fiblab.local.template.SamTemplate;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cost estimate from a seed run read back into the results model. */
class CostReportTest {

    private static final Path TEMPLATE = Path.of("..", "template.yaml");

    @TempDir
    Path dir;

    private Results schema2() throws Exception {
        Path file = dir.resolve("results.json");
        try (var in = CostReportTest.class.getResourceAsStream("/results/schema-2.json")) {
            Files.copy(in, file);
        }
        return ResultsJson.read(file);
    }

    private static ScenarioResult seed(Results results) {
        return results.scenarios().stream()
                .filter(s -> s.name().equals("seed"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void of_shouldGiveTheEstimateTheRunRecorded_fromItsSeedRunReadBack() throws Exception {
        // Given a real run's results (its cost was computed from the seed run when it was measured)
        Results results = schema2();
        SamTemplate template = SamTemplate.load(TEMPLATE, results.target().parameters());

        // When the estimate is made again from the seed run read into the model
        Cost cost = CostReport.of(seed(results), template, PriceList.load());

        // Then it is the one the file holds, line for line
        assertThat(cost.basis()).isEqualTo(results.cost().basis());
        assertThat(cost.paths()).isEqualTo(results.cost().paths());
    }

    @Test
    void of_shouldSayWhatIsMissing_whenTheSeedHasNoAsyncRun() throws Exception {
        Results results = schema2();
        ScenarioResult seed = seed(results);
        ScenarioResult inlineOnly = ScenarioResult.of(
                seed.name(),
                seed.description(),
                seed.runs().stream().filter(r -> r.path().equals("inline")).toList());

        assertThatThrownBy(() -> CostReport.of(
                        inlineOnly, SamTemplate.load(TEMPLATE, results.target().parameters()), PriceList.load()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no async run");
    }
}
