package fiblab.bench.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * results.json through the typed model: real files of both schemas (a short real run of schema 2,
 * a real run of schema 1; percentile curves trimmed) read into the records and written again.
 */
class ResultsJsonTest {

    @TempDir
    Path dir;

    private Path copy(String schema) throws Exception {
        Path file = dir.resolve(schema + ".json");
        try (var in = ResultsJsonTest.class.getResourceAsStream("/results/" + schema + ".json")) {
            Files.copy(in, file);
        }
        return file;
    }

    @ParameterizedTest
    @ValueSource(strings = {"schema-1", "schema-2"})
    void read_shouldKeepEveryFieldOfTheFile_whenWrittenBackFromTheTypes(String schema) throws Exception {
        // Given a results file
        Path original = copy(schema);

        // When it is read into the model and written again
        Path written = dir.resolve("written.json");
        ResultsJson.write(written, ResultsJson.read(original));

        // Then the page sees the same document: every field, value and shape (only the key order may differ)
        assertThat(ResultsJson.readTree(written)).isEqualTo(ResultsJson.readTree(original));
    }

    @ParameterizedTest
    @ValueSource(strings = {"schema-1", "schema-2"})
    void write_shouldRoundTrip_whenAWrittenFileIsReadAndWrittenAgain(String schema) throws Exception {
        // Given a results file the model wrote
        Path first = dir.resolve("first.json");
        Results results = ResultsJson.read(copy(schema));
        ResultsJson.write(first, results);

        // When it is read back and written again
        Results again = ResultsJson.read(first);
        Path second = dir.resolve("second.json");
        ResultsJson.write(second, again);

        // Then the types are equal and so are the bytes
        assertThat(again.environment()).isEqualTo(results.environment());
        assertThat(again.overhead()).usingRecursiveComparison().isEqualTo(results.overhead());
        assertThat(again).usingRecursiveComparison().isEqualTo(results);
        assertThat(Files.readString(second)).isEqualTo(Files.readString(first));
    }

    @Test
    void read_shouldGiveTheTypes_ofEachScenarioKind() throws Exception {
        Results results = ResultsJson.read(copy("schema-2"));

        assertThat(results.schema()).isEqualTo(2);
        assertThat(results.commandLine().shell()).startsWith("report-site/bench.sh ");
        ScenarioResult open = scenario(results, "open");
        assertThat(open.runs()).allSatisfy(r -> {
            assertThat(r.mode()).isEqualTo(LoadMode.OPEN);
            assertThat(r.saturated()).isNotNull();
            assertThat(r.concurrency()).isNull();
        });
        ScenarioResult peers = scenario(results, "peers");
        assertThat(peers.article().expressOverFlask()).isEqualTo(4);
        assertThat(peers.runs()).allSatisfy(r -> assertThat(r.server()).isNotBlank());
        ScenarioResult throughput = scenario(results, "throughput");
        assertThat(throughput.computeLimit().perSecond())
                .isEqualTo(Math.max(
                        throughput.computeLimit().before().perSecond(),
                        throughput.computeLimit().after().perSecond()));
        assertThat(throughput.flatness().smallN())
                .isLessThan(throughput.flatness().largeN());
        assertThat(throughput.inlineThroughputExternal().latencyMillis()).containsKey("p99");
        assertThat(results.coldStart().configurations())
                .allSatisfy(c -> assertThat(c.summary().ok() + c.summary().failed())
                        .isEqualTo(c.samples().size()));
        assertThat(scenario(results, "seed").runs())
                .filteredOn(r -> r.path().equals("async"))
                .allSatisfy(r -> assertThat(r.billedMillisMean().accepted()).isPositive());
    }

    @ParameterizedTest
    @ValueSource(strings = {"schema-1", "schema-2"})
    void worstCaseSpend_shouldBeAbsent_inAnOlderFile_andRoundTrip_whenRecorded(String schema) throws Exception {
        // Given a file written before the worst case was recorded: it still opens, without one
        Results old = ResultsJson.read(copy(schema));
        assertThat(old.worstCaseSpend()).isNull();

        // When a worst case is recorded in it and the file is written and read again
        WorstCase worstCase = new WorstCase(
                "template.yaml",
                Map.of("InlineNaiveMaxN", "24"),
                Map.of("ReadRateLimit", "20"),
                "us-east-1",
                "2026-11-30",
                List.of(new WorstCase.Item("API Gateway", "every route", 72000.0, "requests", 0.072)),
                0.072,
                List.of("free tiers"),
                0.5);
        Path written = dir.resolve("with-worst-case.json");
        ResultsJson.write(written, old.withWorstCaseSpend(worstCase));

        // Then it comes back as the same record
        assertThat(ResultsJson.read(written).worstCaseSpend()).isEqualTo(worstCase);
        assertThat(ResultsJson.readTree(written)).containsKey("worstCaseSpend");
    }

    @Test
    void read_shouldOpenASchema1File_withoutACommandLine() throws Exception {
        Results results = ResultsJson.read(copy("schema-1"));

        assertThat(results.schema()).isEqualTo(1);
        assertThat(results.commandLine()).isNull();
        assertThat(scenario(results, "open").runs())
                .allSatisfy(r -> assertThat(r.saturated()).isNull());
    }

    @Test
    void read_shouldNameTheField_whenTheFileHoldsOneTheModelDoesNotKnow() throws Exception {
        // Given a results file with a field no version of the model has (it would be lost on regeneration)
        Path file = copy("schema-2");
        Files.writeString(
                file, Files.readString(file).replaceFirst("\"finishedAt\"", "\"surprise\" : 1, \"finishedAt\""));

        // Then reading it fails, naming the file and the field, instead of dropping it
        assertThatThrownBy(() -> ResultsJson.read(file))
                .isInstanceOf(ResultsJson.UnreadableResultsException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("schema 2")
                .hasMessageContaining("surprise");
    }

    private static ScenarioResult scenario(Results results, String name) {
        return results.scenarios().stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
