package fiblab.bench.site;

import fiblab.bench.result.Results;
import fiblab.bench.result.ResultsJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;

/**
 * Writes the static report site from a results file. The page renders everything (headline,
 * tables, charts) from {@code data/results.js}, a copy of results.json wrapped in one assignment:
 * a page opened from file:// may load scripts but not fetch() files, and no number is typed into
 * the page itself. Chart.js is copied out of its WebJar, so the site needs no network.
 */
public final class SiteGenerator {

    static final String CHART_JS = "META-INF/resources/webjars/chart.js/" + chartJsVersion() + "/dist/chart.umd.js";
    static final String CHART_JS_LICENSE = "META-INF/resources/webjars/chart.js/" + chartJsVersion() + "/LICENSE.md";
    private static final String TEMPLATES = "fiblab/bench/site/";

    private SiteGenerator() {}

    /**
     * @param resultsJson a results file, normally {@code <site>/data/results.json}
     * @return the generated {@code index.html}
     */
    public static Path generate(Path resultsJson, Path siteDir) throws IOException {
        return generate(resultsJson, siteDir, "history.html");
    }

    /**
     * @param historyHref where the page's "earlier runs" link points, relative to the page
     */
    public static Path generate(Path resultsJson, Path siteDir, String historyHref) throws IOException {
        Results results = ResultsJson.read(resultsJson);
        Path data = siteDir.resolve("data");
        Path assets = siteDir.resolve("assets");
        Files.createDirectories(data);
        Files.createDirectories(assets);
        Path copy = data.resolve("results.json");
        if (!Files.exists(copy) || !Files.isSameFile(copy, resultsJson)) {
            ResultsJson.write(copy, results); // through the model, as the page's results.js below
        }
        Files.writeString(
                data.resolve("results.js"),
                "// Generated from results.json; the report page reads it (file:// pages cannot fetch files).\n"
                        + "window.FIBLAB_RESULTS = " + ResultsJson.toJson(results) + ";\n",
                StandardCharsets.UTF_8);
        copyResource(CHART_JS, assets.resolve("chart.umd.js"));
        copyResource(CHART_JS_LICENSE, assets.resolve("chart.js-LICENSE.md"));
        copyResource(TEMPLATES + "common.js", assets.resolve("common.js"));
        copyResource(TEMPLATES + "report.js", assets.resolve("report.js"));
        copyResource(TEMPLATES + "perf.js", assets.resolve("perf.js"));
        copyResource(TEMPLATES + "overload.js", assets.resolve("overload.js"));
        copyResource(TEMPLATES + "report.css", assets.resolve("report.css"));
        Path index = siteDir.resolve("index.html");
        Files.writeString(
                index,
                resource(TEMPLATES + "index.html")
                        .replace(
                                "{{DATE}}",
                                html(String.valueOf(results.environment().date())))
                        .replace(
                                "{{COMMIT}}",
                                html(String.valueOf(results.environment().commit())))
                        .replace("{{HISTORY}}", html(historyHref)),
                StandardCharsets.UTF_8);
        return index;
    }

    /** Copies the shared scripts and styles into {@code <siteDir>/assets}; the history page needs them too. */
    static void copyAssets(Path siteDir) throws IOException {
        Path assets = siteDir.resolve("assets");
        Files.createDirectories(assets);
        copyResource(CHART_JS, assets.resolve("chart.umd.js"));
        copyResource(CHART_JS_LICENSE, assets.resolve("chart.js-LICENSE.md"));
        copyResource(TEMPLATES + "common.js", assets.resolve("common.js"));
        copyResource(TEMPLATES + "history.js", assets.resolve("history.js"));
        copyResource(TEMPLATES + "report.css", assets.resolve("report.css"));
    }

    static String resource(String name) throws IOException {
        try (InputStream in = SiteGenerator.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String html(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    private static void copyResource(String name, Path target) throws IOException {
        try (InputStream in = SiteGenerator.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing resource " + name + " (is the Chart.js WebJar on the class path?)");
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The Chart.js version of the WebJar on the class path, from its Maven metadata. */
    static String chartJsVersion() {
        String pom = "META-INF/maven/org.webjars.npm/chart.js/pom.properties";
        try (InputStream in = SiteGenerator.class.getClassLoader().getResourceAsStream(pom)) {
            Objects.requireNonNull(in, "Chart.js WebJar not on the class path");
            java.util.Properties properties = new java.util.Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
