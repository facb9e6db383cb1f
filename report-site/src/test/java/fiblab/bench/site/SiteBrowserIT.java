package fiblab.bench.site;

import static org.assertj.core.api.Assertions.assertThat;

import fiblab.bench.ShortRealRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Opens the site generated from a short real run in Debian's Chromium, from file:// and offline,
 * and checks what a reader would see: every chart drawn, the tables holding the run's numbers,
 * no console errors. A screenshot lands in target/site-screenshot.png.
 */
class SiteBrowserIT {

    @AutoClose("quit")
    private static ChromeDriver driver;

    private static ShortRealRun run;
    private static List<LogEntry> console;

    @BeforeAll
    static void openSite() throws Exception {
        HeadlessChromium.requireInstalled();
        run = ShortRealRun.get();
        ChromeOptions options = HeadlessChromium.options();
        options.addArguments("--window-size=1400,7000");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        driver = HeadlessChromium.open(options, run.index);
        console = driver.manage().logs().get(LogType.BROWSER).getAll();
        Path screenshot = Path.of("target", "site-screenshot.png");
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), screenshot, StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void site_shouldOpenFromFileUrl_withoutConsoleErrors() {
        assertThat(driver.getCurrentUrl()).startsWith("file:");
        assertThat(console)
                .filteredOn(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
                .as("console warnings and errors")
                .isEmpty();
    }

    @Test
    void site_shouldLoadNothingFromTheNetwork() throws Exception {
        String html = Files.readString(run.index);
        assertThat(html).doesNotContain("http://", "https://", "//cdn", "fonts.googleapis");
        Object remote = ((JavascriptExecutor) driver)
                .executeScript(
                        "return performance.getEntriesByType('resource').map(e => e.name).filter(n => !n.startsWith('file:'));");
        assertThat((List<?>) remote).isEmpty();
    }

    @Test
    void charts_shouldAllRenderPixels_whenTheRunHasEveryScenario() {
        List<WebElement> canvases = driver.findElements(By.tagName("canvas"));
        assertThat(canvases)
                .extracting(c -> c.getAttribute("id"))
                .containsExactlyInAnyOrder(
                        "chart-cost-latency",
                        "chart-percentiles",
                        "chart-crossover",
                        "chart-stages",
                        "chart-stages-open",
                        "chart-peers-latency",
                        "chart-concurrency",
                        "chart-fast",
                        "chart-open",
                        "chart-peers",
                        "chart-coldstart",
                        "chart-throughput",
                        "chart-flatness",
                        "chart-overload-goodput",
                        "chart-overload-errors",
                        "chart-overload-timeline-inline",
                        "chart-overload-timeline-async",
                        "chart-overload-backlog",
                        "chart-overload-backlog-time");
        for (WebElement canvas : canvases) {
            assertThat(HeadlessChromium.paintedPixels(driver, canvas))
                    .as("painted pixels of %s", canvas.getAttribute("id"))
                    .isGreaterThan(1_000);
            assertThat(canvas.isDisplayed())
                    .as("%s visible", canvas.getAttribute("id"))
                    .isTrue();
        }
    }

    @Test
    void summaryTable_shouldHoldEveryRunsNumbers_fromTheResultsFile() {
        for (Map<String, Object> r : runs()) {
            String id = String.valueOf(r.get("id"));
            WebElement row = driver.findElement(By.cssSelector("#summary-table tr[data-run='" + id + "']"));
            assertCell(row, "sent", ((Number) r.get("sent")).doubleValue());
            assertCell(row, "ok", ((Number) r.get("ok")).doubleValue());
            assertCell(row, "errorCount", ((Number) r.get("errorCount")).doubleValue());
            Map<?, ?> latency = (Map<?, ?>) r.get("latency");
            for (String p : List.of("p50", "p90", "p99", "p999", "max")) {
                if (((Number) latency.get("count")).longValue() == 0) {
                    // no successful operation: no percentile, and the page must not pretend it was 0 ms
                    WebElement cell = row.findElement(By.cssSelector("td[data-key='latency." + p + "']"));
                    assertThat(cell.getText()).as("%s latency.%s", id, p).isEqualTo("–");
                } else {
                    assertCell(row, "latency." + p, ((Number) latency.get(p)).doubleValue());
                }
            }
        }
    }

    @Test
    void crossoverTable_shouldShowTheInlineFailures_aboveTheInlineLimit() {
        // The short run lowers InlineNaiveMaxN to 24 and sweeps n up to 26
        WebElement row = driver.findElements(By.cssSelector("#crossover-table tbody tr")).stream()
                .filter(tr -> tr.findElement(By.cssSelector("td[data-key='n']"))
                        .getText()
                        .equals("26"))
                .findFirst()
                .orElseThrow();
        assertThat(row.findElement(By.cssSelector("td[data-key='inl.ok']")).getText())
                .isEqualTo("0/4");
        assertThat(row.findElement(By.cssSelector("td[data-key='inl.errorCount']"))
                        .getText())
                .isEqualTo("4");
        assertThat(row.findElement(By.cssSelector("td[data-key='asy.ok']")).getText())
                .isEqualTo("4/4");
    }

    @Test
    void headline_shouldAnswerWithPercentiles_ofTheRunItsVerdictRowNames() {
        String headline = driver.findElement(By.id("headline")).getText();
        String inlineId = driver.findElements(By.cssSelector("#verdict-table tbody tr"))
                .get(0)
                .getAttribute("data-run");
        Map<String, Object> inline = runs().stream()
                .filter(r -> inlineId.equals(r.get("id")))
                .findFirst()
                .orElseThrow();
        double p99 = ((Number) ((Map<?, ?>) inline.get("latency")).get("p99")).doubleValue();
        assertThat(headline).contains("p50", "p99", formatTime(p99)).doesNotContainIgnoringCase("average");
        assertThat(driver.findElement(By.cssSelector("#headline .verdict")).getText())
                .isNotBlank();
        // and the async figure says how its client polled: the seed's 10 ms poller is a best case
        String asyncId = driver.findElements(By.cssSelector("#verdict-table tbody tr"))
                .get(1)
                .getAttribute("data-run");
        Object interval = runs().stream()
                .filter(r -> asyncId.equals(r.get("id")))
                .findFirst()
                .orElseThrow()
                .get("pollIntervalMillis");
        assertThat(interval).as("the async run's poll interval").isNotNull();
        assertThat(headline).contains("to a client polling every " + formatTime(((Number) interval).doubleValue()));
        assertThat(driver.findElement(By.id("verdict-polling")).getText()).contains("not after the Retry-After");
    }

    @Test
    void peersSection_shouldShowFlaskExpressAndFiblab_withTheArticlesFindingBesideThisMachinesRatio() {
        // Then every peer and both seed paths have a row holding the run's numbers
        for (Map<String, Object> r : runs()) {
            if (!"peers".equals(r.get("scenario")) && !"seed".equals(r.get("scenario"))) {
                continue;
            }
            WebElement row = driver.findElement(By.cssSelector("#peers-table tr[data-run='" + r.get("id") + "']"));
            assertCell(row, "sent", ((Number) r.get("sent")).doubleValue());
            assertCell(row, "latency.p50", ((Number) ((Map<?, ?>) r.get("latency")).get("p50")).doubleValue());
            assertCell(row, "throughputPerSecond", ((Number) r.get("throughputPerSecond")).doubleValue());
        }
        assertThat(driver.findElements(By.cssSelector("#peers-table tbody tr"))).hasSize(4);

        // and the article's finding stands beside the ratio this run measured
        String finding = driver.findElement(By.id("peers-finding")).getText();
        assertThat(finding).contains("The article found: Express about 4× faster than Flask");
        double expected = throughput("express") / throughput("flask");
        double shown =
                Double.parseDouble(driver.findElement(By.id("peers-ratio")).getAttribute("data-value"));
        assertThat(shown).isCloseTo(expected, org.assertj.core.data.Offset.offset(0.006));
    }

    @Test
    void costSection_shouldShowATablePerPath_withTheResultsTotalsAndTheDatedSources() {
        Map<?, ?> cost = (Map<?, ?>) run.results.get("cost");
        for (Object p : (List<?>) cost.get("paths")) {
            Map<?, ?> path = (Map<?, ?>) p;
            String name = String.valueOf(path.get("path"));
            List<WebElement> rows = driver.findElements(By.cssSelector("#cost-table-" + name + " tbody tr"));
            assertThat(rows).as("%s lines + total", name).hasSize(((List<?>) path.get("lines")).size() + 1);
            WebElement total = driver.findElement(By.cssSelector("#cost-table-" + name + " tr[data-run='" + name
                    + ":total'] " + "td[data-key='costPerMillionUsd']"));
            assertThat(Double.parseDouble(total.getAttribute("data-value")))
                    .isEqualTo(((Number) path.get("totalPerMillionUsd")).doubleValue());
            assertThat(driver.findElement(By.id("cost")).getText()).contains(String.valueOf(path.get("dominant")));
        }
        String text = driver.findElement(By.id("cost-text")).getText();
        assertThat(text)
                .contains(
                        "checked 2026-11-25",
                        "free tiers ignored",
                        "not fetched live",
                        "https://aws.amazon.com/lambda/pricing/",
                        "https://aws.amazon.com/dynamodb/pricing/on-demand/");
    }

    private static double throughput(String peer) {
        return runs().stream()
                .filter(r -> peer.equals(r.get("path")))
                .map(r -> ((Number) r.get("throughputPerSecond")).doubleValue())
                .findFirst()
                .orElseThrow();
    }

    private static void assertCell(WebElement row, String key, double expected) {
        WebElement cell = row.findElement(By.cssSelector("td[data-key='" + key + "']"));
        assertThat(Double.parseDouble(cell.getAttribute("data-value")))
                .as("%s data-value", key)
                .isEqualTo(expected);
        double shown = shownValue(cell.getText());
        assertThat(shown)
                .as("%s shown as '%s'", key, cell.getText())
                .isCloseTo(expected, org.assertj.core.data.Offset.offset(Math.max(0.006, Math.abs(expected) * 0.006)));
    }

    /**
     * The number a reader sees in a cell, in the unit results.json uses (milliseconds for times):
     * "1,234" is 1234, "13.2 ms" is 13.2, "19.6 s" is 19600, "$1.35" is 1.35, "41.2 %" is 0.412.
     */
    static double shownValue(String text) {
        String t = text.replace(",", "")
                .replace("$", "")
                .replaceAll("\\s*⚠.*$", "")
                .trim();
        if (t.endsWith(" ms")) {
            return Double.parseDouble(t.substring(0, t.length() - 3));
        }
        if (t.endsWith(" s")) {
            return Double.parseDouble(t.substring(0, t.length() - 2)) * 1000;
        }
        if (t.endsWith(" %")) {
            return Double.parseDouble(t.substring(0, t.length() - 2)) / 100;
        }
        return Double.parseDouble(t);
    }

    /** The page's own rule for a time: three significant figures, in ms below a second and in s above. */
    static String formatTime(double ms) {
        double v = ms >= 1000 ? ms / 1000 : ms;
        String unit = ms >= 1000 ? " s" : " ms";
        String pattern = v < 1 ? "%,.3f" : v < 10 ? "%,.2f" : v < 100 ? "%,.1f" : "%,.0f";
        return String.format(java.util.Locale.US, pattern, v) + unit;
    }

    @Test
    void coldStartTable_shouldHoldEachConfigurationsPercentiles_fromTheResultsFile() {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> configs =
                (List<Map<String, Object>>) ((Map<String, Object>) run.results.get("coldStart")).get("configurations");
        assertThat(configs).hasSize(4); // two functions, priming off and on, one HTTP client in the short run
        for (Map<String, Object> config : configs) {
            String id = config.get("function") + "-" + config.get("httpClient") + "-"
                    + (Boolean.TRUE.equals(config.get("priming")) ? "on" : "off");
            WebElement row = driver.findElement(By.cssSelector("#coldstart-table tr[data-config='" + id + "']"));
            Map<?, ?> summary = (Map<?, ?>) config.get("summary");
            for (String key : List.of("initMillis", "firstInvokeMillis", "jvmStartToFirstResponseMillis")) {
                for (String p : List.of("p50", "p90")) {
                    assertCell(
                            row,
                            "summary." + key + "." + p,
                            ((Number) ((Map<?, ?>) summary.get(key)).get(p)).doubleValue());
                }
            }
            assertThat(row.findElement(By.cssSelector("td[data-key='summary.ok']"))
                            .getText())
                    .isEqualTo(summary.get("ok") + "/" + ShortRealRun.COLD_START_SAMPLES);
        }
        assertThat(driver.findElement(By.id("coldstart-text")).getText()).contains("not a SnapStart restore");
    }

    @Test
    void throughputSection_shouldShowTheRatiosAndEverySubmitRun_fromTheResultsFile() {
        @SuppressWarnings("unchecked")
        Map<String, Object> scenario = ((List<Map<String, Object>>) run.results.get("scenarios"))
                .stream()
                        .filter(s -> "throughput".equals(s.get("name")))
                        .findFirst()
                        .orElseThrow();
        Map<?, ?> inline = (Map<?, ?>) scenario.get("inlineThroughput");
        WebElement ratio = driver.findElement(
                By.cssSelector("#throughput-table tr[data-row='ratio (achieved / limit)'] td[data-key='value']"));
        assertThat(Double.parseDouble(ratio.getAttribute("data-value")))
                .isEqualTo(((Number) inline.get("ratio")).doubleValue());
        // wrk's run of the same load (CI installs wrk; without it the section says so instead)
        Map<?, ?> wrk = (Map<?, ?>) scenario.get("inlineThroughputExternal");
        if (wrk.containsKey("perSecond")) {
            WebElement wrkRatio = driver.findElement(
                    By.cssSelector("#throughput-table tr[data-row='ratio (wrk / limit)'] td[data-key='value']"));
            assertThat(Double.parseDouble(wrkRatio.getAttribute("data-value")))
                    .isEqualTo(((Number) wrk.get("ratio")).doubleValue());
        } else {
            assertThat(driver.findElement(By.id("throughput-text")).getText())
                    .contains("No wrk run: " + wrk.get("skipped"));
        }
        // async jobs/s with a client that honours Retry-After, against the same compute limit
        Map<?, ?> async = (Map<?, ?>) scenario.get("asyncThroughput");
        WebElement asyncRatio = driver.findElement(
                By.cssSelector("#throughput-table tr[data-row='async ratio (achieved / limit)'] td[data-key='value']"));
        assertThat(Double.parseDouble(asyncRatio.getAttribute("data-value")))
                .isEqualTo(((Number) async.get("ratio")).doubleValue());
        assertThat(driver.findElement(By.id("throughput-text")).getText())
                .contains("each polled " + async.get("polling"))
                .contains(((Number) async.get("done")).longValue() + " right results");
        Map<?, ?> flatness = (Map<?, ?>) scenario.get("flatness");
        assertThat(driver.findElement(By.id("throughput-text")).getText())
                .contains(String.format(java.util.Locale.ROOT, "%.2f", ((Number) flatness.get("ratio")).doubleValue()));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> submits = ((List<Map<String, Object>>) scenario.get("runs"))
                .stream().filter(r -> "submit".equals(r.get("path"))).toList();
        assertThat(submits).hasSize(2);
        for (Map<String, Object> r : submits) {
            WebElement row = driver.findElement(By.cssSelector("#flatness-table tr[data-run='" + r.get("id") + "']"));
            assertCell(row, "latency.p99", ((Number) ((Map<?, ?>) r.get("latency")).get("p99")).doubleValue());
        }
    }

    private static List<Map<String, Object>> runs() {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> scenarios = (List<Map<String, Object>>) run.results.get("scenarios");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> all = scenarios.stream()
                .flatMap(s -> ((List<Map<String, Object>>) s.get("runs")).stream())
                .toList();
        return all;
    }
}
