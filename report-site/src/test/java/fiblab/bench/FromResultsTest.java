package fiblab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import fiblab.bench.result.ResultsJson;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** --from-results with results files of other schemas: an old one opens, an unknown one is refused by name. */
class FromResultsTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private static Path schema1() throws Exception {
        Path file = Files.createTempDirectory("fiblab-schema-").resolve("results.json");
        try (var in = FromResultsTest.class.getResourceAsStream("/results/schema-1.json")) {
            Files.copy(in, file);
        }
        return file;
    }

    @Test
    void fromResults_shouldOpenASchema1File_fromBeforeTheCommandLineWasRecorded() throws Exception {
        // Given a results file written by the benchmark before schema 2 (a real run on this machine)
        Path results = schema1();
        Path site = Files.createTempDirectory("fiblab-site-");

        // When the site is regenerated from it
        int exit = run("--from-results", results.toString(), "--out", site.toString());

        // Then it is written, with its own date and commit in the title
        assertThat(exit).as(err.toString()).isZero();
        assertThat(Files.readString(site.resolve("index.html")))
                .contains(
                        "<title>fiblab: inline or queue? · 2026-12-01T14:45:22.665502067Z · 9c1da95b730b-dirty</title>");
        assertThat(site.resolve("assets/common.js")).isRegularFile();
        assertThat(site.resolve("history.html")).isRegularFile();
    }

    @Test
    void fromResults_shouldNameTheSchemaAndExitOne_whenTheFileIsOfAnUnknownSchema() throws Exception {
        Path results = schema1();
        Files.writeString(results, Files.readString(results).replaceFirst("\"schema\":1", "\"schema\":7"));
        Path site = Files.createTempDirectory("fiblab-site-");

        int exit = run("--from-results", results.toString(), "--out", site.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString())
                .contains("is a results file of schema 7", "this fiblab-bench reads schemas [1, 2, 3]")
                .doesNotContain("Exception");
        assertThat(site.resolve("index.html")).doesNotExist();
    }

    @Test
    void fromResults_shouldSayItIsNotAResultsFile_whenTheSchemaFieldIsMissing() throws Exception {
        Path results = Files.createTempDirectory("fiblab-schema-").resolve("other.json");
        Files.writeString(results, "{\"name\": \"something else\"}");

        int exit = run(
                "--from-results",
                results.toString(),
                "--out",
                results.getParent().resolve("site").toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("has no \"schema\" field: not a fiblab results file");
    }

    @Test
    void fromResults_shouldRefuseAndNameTheField_whenTheFileHoldsOneTheResultsModelDoesNotKnow() throws Exception {
        // Given a schema-1 file whose seed run holds a field no fiblab-bench wrote (regenerating would drop it)
        Path results = schema1();
        Files.writeString(
                results,
                Files.readString(results).replaceFirst("\"stoppedByBudget\"", "\"handTyped\":3,\"stoppedByBudget\""));
        Path site = Files.createTempDirectory("fiblab-site-");

        // When the site is regenerated from it
        int exit = run("--from-results", results.toString(), "--out", site.toString());

        // Then nothing is written and the message names the file's schema and the field
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("schema 1", "handTyped").doesNotContain("Exception");
        assertThat(site.resolve("index.html")).doesNotExist();
    }

    @Test
    void fromResults_shouldWriteTheSiteFromTheTypes_withEveryFieldOfTheFile() throws Exception {
        // Given a schema-1 file
        Path results = schema1();
        Path site = Files.createTempDirectory("fiblab-site-");

        // When the site is regenerated from it
        int exit = run("--from-results", results.toString(), "--out", site.toString());

        // Then the site's copy, written from the results model, is the same document
        assertThat(exit).as(err.toString()).isZero();
        assertThat(ResultsJson.readTree(site.resolve("data/results.json"))).isEqualTo(ResultsJson.readTree(results));
    }
}
