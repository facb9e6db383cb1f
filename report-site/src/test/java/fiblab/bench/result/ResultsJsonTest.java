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

    @ParameterizedTest
    @ValueSource(strings = {"schema-1", "schema-2"})
    void overloadAndPolling_shouldBeAbsent_inAnOlderFile_andRoundTripAsRecords(String schema) throws Exception {
        // Given a file written before the overload and polling scenarios: it opens, without them
        Results old = ResultsJson.read(copy(schema));
        assertThat(old.scenarios()).allSatisfy(s -> {
            assertThat(s.overload()).isNull();
            assertThat(s.polling()).isNull();
        });

        // When both are added (with undefined latencies and errors as null) and the file is written and read again
        OverloadFindings.Step step = new OverloadFindings.Step(
                "async",
                3,
                105,
                35.0,
                10,
                true,
                0.43,
                23.5,
                1050,
                1050,
                105,
                new OverloadFindings.Errors(0, 0, 2, 1, 0, 0),
                10_700.0,
                null,
                750L,
                13.5,
                4L,
                6.25,
                List.of(new OverloadFindings.Second(0, 12, 900.0), new OverloadFindings.Second(1, 0, null)),
                List.of(0L, 120L, 750L, 300L, 0L));
        OverloadFindings.Validation validation = new OverloadFindings.Validation(
                0.25,
                2,
                1000,
                2,
                5,
                8.1,
                14.4,
                1.2,
                40,
                null,
                List.of(new OverloadFindings.ValidationRow(
                        "async", 3, 105, false, 10_700, 9_000, -0.16, 20_000, 22_000, 0.1, 0, 0, null, 1_200L, 0.1,
                        14.5, null)),
                java.util.Map.of("async", 0.08),
                3L,
                2L,
                3L);
        OverloadFindings.Projection projection = new OverloadFindings.Projection(
                "model",
                "us-east-1",
                "defaults",
                List.of(new OverloadFindings.Quota(
                        "lambdaAccountConcurrency",
                        1000,
                        "concurrent executions",
                        "Lambda concurrent executions",
                        true,
                        "https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html",
                        "2026-12-01",
                        "")),
                List.of(new OverloadFindings.Compute(42, 3, 1570, 1600)),
                10,
                500,
                30,
                List.of(new OverloadFindings.ProjectionRow(
                        42,
                        "async",
                        10,
                        null,
                        null,
                        0,
                        6,
                        120,
                        40,
                        0.5,
                        "WORKER_CONCURRENCY",
                        "the worker's concurrency")));
        OverloadFindings.Polling polling = new OverloadFindings.Polling(
                4,
                40,
                30,
                List.of(new OverloadFindings.PollingRow(30, "retry-after", true, 40, 40, 1074.0, 1296.0, 2, 1.33)));
        List<ScenarioResult> scenarios = new java.util.ArrayList<>(old.scenarios());
        scenarios.add(ScenarioResult.of("overload", "overload", List.of())
                .withOverload(new OverloadFindings.Overload(
                        30, 10, 30, 30, "retry-after", 139, 35.5, List.of(step), validation, projection)));
        scenarios.add(ScenarioResult.of("polling", "polling", List.of()).withPolling(polling));
        Path written = dir.resolve("with-overload.json");
        ResultsJson.write(written, old.withScenarios(scenarios));

        // Then they come back as the same records, and the file has no NaN or infinity in it
        Results again = ResultsJson.read(written);
        ScenarioResult overload = scenario(again, "overload");
        assertThat(overload.overload().steps()).containsExactly(step);
        assertThat(overload.overload().validation()).isEqualTo(validation);
        assertThat(overload.overload().projection()).isEqualTo(projection);
        assertThat(scenario(again, "polling").polling()).isEqualTo(polling);
        assertThat(Files.readString(written)).doesNotContain("NaN", "Infinity");

        // and a schema-3 file written before the validation held the model's queue and the repeatability
        // (the same file without those fields) still opens, with them null
        Map<String, Object> tree = ResultsJson.readTree(written);
        withoutKeys(
                tree,
                java.util.Set.of(
                        "predictedPeakBacklog",
                        "backlogError",
                        "predictedDrainSeconds",
                        "drainError",
                        "repeatability",
                        "figures",
                        "figuresWithin",
                        "figuresWithinRepeatability"));
        String before = com.fasterxml.jackson.jr.ob.JSON.std.asString(tree);
        assertThat(before).doesNotContain("predictedPeakBacklog", "repeatability", "figuresWithin");
        Path older = dir.resolve("schema-3-before-the-queue.json");
        Files.writeString(older, before);
        OverloadFindings.Validation read =
                scenario(ResultsJson.read(older), "overload").overload().validation();
        assertThat(read.repeatability()).isNull();
        assertThat(read.figuresWithin()).isNull();
        assertThat(read.rows().get(0).predictedPeakBacklog()).isNull();
        assertThat(read.rows().get(0).measuredP50Millis()).isEqualTo(10_700);
    }

    @Test
    void overload_shouldRefuseAProjection_withoutItsValidation() {
        OverloadFindings.Projection projection =
                new OverloadFindings.Projection("model", "us-east-1", "", List.of(), List.of(), 10, 500, 30, List.of());

        assertThatThrownBy(() -> new OverloadFindings.Overload(
                        30, 10, 30, 30, "retry-after", 139, 35.5, List.of(), null, projection))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("validation");
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

    /** Removes the keys from every object in a JSON tree. */
    @SuppressWarnings("unchecked")
    private static void withoutKeys(Object node, java.util.Set<String> keys) {
        if (node instanceof Map<?, ?> map) {
            ((Map<String, Object>) map).keySet().removeAll(keys);
            map.values().forEach(v -> withoutKeys(v, keys));
        } else if (node instanceof List<?> list) {
            list.forEach(v -> withoutKeys(v, keys));
        }
    }
}
