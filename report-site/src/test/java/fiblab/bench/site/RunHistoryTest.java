package fiblab.bench.site;

import static org.assertj.core.api.Assertions.assertThat;

import fiblab.bench.result.Results;
import fiblab.bench.result.ResultsJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A kept run is the run's site without the local stack's and the peers' logs (megabytes per run). */
class RunHistoryTest {

    @TempDir
    Path site;

    @Test
    void keep_shouldLeaveTheLogsOut_andKeepEverythingElseOfTheRun() throws Exception {
        // Given a run's site: results of a real local run that lists its logs, the logs, a histogram log
        Path data = Files.createDirectories(site.resolve("data"));
        try (var in = RunHistoryTest.class.getResourceAsStream("/results/schema-2.json")) {
            Files.copy(in, data.resolve("results.json"));
        }
        Results results = ResultsJson.read(data.resolve("results.json"));
        assertThat(results.target().logs()).isNotEmpty();
        for (String log : results.target().logs()) {
            Files.writeString(site.resolve(log), "x".repeat(100_000));
        }
        Files.writeString(data.resolve("peer-flask.log"), "flask said things");
        Files.writeString(data.resolve("peer-express.log"), "express said things");
        Files.createDirectories(data.resolve("hdr"));
        Files.writeString(data.resolve("hdr/seed.hlog"), "histogram");
        SiteGenerator.generate(data.resolve("results.json"), site);

        // When it is kept
        Path run = RunHistory.keep(site);

        // Then its copy has no log, names none, and holds the rest
        try (Stream<Path> files = Files.walk(run)) {
            assertThat(files.filter(f -> f.toString().endsWith(".log"))).isEmpty();
        }
        assertThat(run.resolve("data/hdr/seed.hlog")).hasContent("histogram");
        Results kept = ResultsJson.read(run.resolve("data/results.json"));
        assertThat(kept.target().logs()).isEmpty();
        assertThat(kept.scenarios())
                .flatMap(s -> s.runs())
                .allSatisfy(r -> assertThat(r.log()).isNull());
        assertThat(kept.scenarios())
                .isEqualTo(results.scenarios().stream()
                        .map(s -> s.withRuns(
                                s.runs().stream().map(r -> r.withoutLog()).toList()))
                        .toList());
        assertThat(Files.readString(run.resolve("data/results.js"))).doesNotContain(".log\"");
        // and the latest run's own site still has its logs
        assertThat(data.resolve("peer-flask.log")).exists();
    }
}
