package fiblab.bench.site;

import fiblab.bench.result.Results;
import fiblab.bench.result.ResultsJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The site's memory: every run keeps its own folder, {@code runs/<date>-<commit>/}, a complete site
 * of its own (without the run's logs), and {@code history.html} lists the runs with date, commit and target and charts their
 * headline figures across runs, drawn from each run's own results.json.
 */
public final class RunHistory {

    static final String RUNS = "runs";

    private RunHistory() {}

    /**
     * Keeps the run whose site was just written to {@code siteDir} in a folder of its own and
     * rewrites the history page.
     *
     * @return the run's folder
     */
    public static Path keep(Path siteDir) throws IOException {
        Path data = siteDir.resolve("data");
        Results results = ResultsJson.read(data.resolve("results.json"));
        Path runDir = siteDir.resolve(RUNS).resolve(runId(results));
        // The local stack's and the peers' logs are megabytes a run; they stay with the latest run's site only.
        Set<Path> logs = new HashSet<>();
        results.logs().forEach(log -> logs.add(siteDir.resolve(log).normalize()));
        copyTree(data, runDir.resolve("data"), logs);
        ResultsJson.write(runDir.resolve("data/results.json"), results.withoutLogs());
        SiteGenerator.generate(runDir.resolve("data/results.json"), runDir, "../../history.html");
        write(siteDir);
        return runDir;
    }

    /** Writes {@code history.html} and {@code data/history.js} from every kept run's results.json, oldest first. */
    public static Path write(Path siteDir) throws IOException {
        List<KeptRun> runs = new ArrayList<>();
        Path runsDir = siteDir.resolve(RUNS);
        if (Files.isDirectory(runsDir)) {
            try (Stream<Path> dirs = Files.list(runsDir)) {
                for (Path dir : dirs.sorted().toList()) {
                    Path file = dir.resolve("data/results.json");
                    if (!Files.isRegularFile(file)) {
                        continue;
                    }
                    runs.add(new KeptRun(
                            dir.getFileName().toString(),
                            RUNS + "/" + dir.getFileName() + "/index.html",
                            ResultsJson.read(file)));
                }
            }
        }
        Path data = siteDir.resolve("data");
        Files.createDirectories(data);
        Files.writeString(
                data.resolve("history.js"),
                "// Generated from runs/*/data/results.json; history.html reads it (file:// pages cannot fetch files).\n"
                        + "window.FIBLAB_HISTORY = " + ResultsJson.toJson(runs) + ";\n",
                StandardCharsets.UTF_8);
        SiteGenerator.copyAssets(siteDir);
        Path page = siteDir.resolve("history.html");
        Files.writeString(page, SiteGenerator.resource("fiblab/bench/site/history.html"), StandardCharsets.UTF_8);
        return page;
    }

    /** {@code 2026-12-01T144500Z-9c1da95}: sorts by date, names the commit, safe as a folder and URL part. */
    static String runId(Results results) {
        String date = String.valueOf(results.environment().date())
                .replaceAll("\\.\\d+Z$", "Z")
                .replace(":", "");
        String commit = String.valueOf(results.environment().commit());
        return (date + "-" + commit).replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** One kept run as history.js lists it: its folder, its page, and its results. */
    public record KeptRun(String id, String href, Results results) {}

    private static void copyTree(Path from, Path to, Set<Path> leaveOut) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else if (!file.getFileName().toString().equals("history.js")
                        && !leaveOut.contains(file.normalize())) {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
