package fiblab.bench.site;

import static org.assertj.core.api.Assertions.assertThat;

import fiblab.bench.ShortRealRun;
import fiblab.bench.result.Results;
import fiblab.bench.result.ResultsJson;
import fiblab.bench.result.TargetInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The report read as its audience reads it, in Debian's Chromium at 1440 px (a laptop) and 390 px (a
 * phone, by mobile emulation): the badge and the verdict above the fold, nothing wider than the
 * screen, no serious or critical axe-core finding, every chart drawn from numbers results.json holds,
 * saturated runs flagged, the headline on the best-warmed runs, and the history of three kept runs.
 * Screenshots land in target/report-1440.png and target/report-390.png.
 */
class ReportPageIT {

    static final Path AXE = Path.of("src/test/axe/node_modules/axe-core/axe.min.js");

    private static ShortRealRun run;
    private static final Map<Integer, ChromeDriver> drivers = new LinkedHashMap<>();

    @BeforeAll
    static void openSite() throws Exception {
        HeadlessChromium.requireInstalled();
        run = ShortRealRun.get();
        drivers.put(1440, open(run.index, 1440, 900, false));
        drivers.put(390, open(run.index, 390, 844, true));
        for (Map.Entry<Integer, ChromeDriver> d : drivers.entrySet()) {
            Files.copy(
                    d.getValue().getScreenshotAs(OutputType.FILE).toPath(),
                    Path.of("target", "report-" + d.getKey() + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static ChromeDriver open(Path page, int width, int height, boolean mobile) throws Exception {
        ChromeOptions options = HeadlessChromium.options();
        options.addArguments("--hide-scrollbars");
        if (mobile) {
            // Headless Chromium cannot make a window narrower than ~500 px: emulate the phone instead.
            options.setExperimentalOption(
                    "mobileEmulation",
                    Map.of(
                            "deviceMetrics",
                            Map.of("width", width, "height", height, "pixelRatio", 2.0, "mobile", true)));
        } else {
            options.addArguments("--window-size=" + width + "," + height);
        }
        return HeadlessChromium.open(options, page);
    }

    @AfterAll
    static void close() {
        drivers.values().forEach(ChromeDriver::quit);
    }

    private static Object js(ChromeDriver driver, String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    @Test
    void badgeAndVerdictTable_shouldBeAboveTheFold_atBothWidths() {
        drivers.forEach((width, driver) -> {
            double fold = ((Number) js(driver, "return window.innerHeight;")).doubleValue();
            for (String selector : List.of("#badge", "#headline .verdict", "#verdict-table table")) {
                double bottom = ((Number) js(
                                driver,
                                "return document.querySelector(arguments[0]).getBoundingClientRect().bottom;",
                                selector))
                        .doubleValue();
                assertThat(bottom)
                        .as("%s bottom at %d px wide (fold at %s)", selector, width, fold)
                        .isLessThanOrEqualTo(fold);
            }
            String badge = driver.findElement(By.id("badge")).getText();
            Map<?, ?> env = (Map<?, ?>) run.results.get("environment");
            assertThat(badge)
                    .contains("local emulators", String.valueOf(env.get("cpu")), env.get("cores") + " cores")
                    .contains(String.valueOf(env.get("commit")))
                    .contains(String.valueOf(env.get("date")).substring(0, 10));
            assertThat(driver.getTitle())
                    .contains(
                            String.valueOf(env.get("commit")),
                            String.valueOf(env.get("date")).substring(0, 10));
        });
    }

    @Test
    void noElement_shouldBeWiderThanTheViewport_exceptInsideAScrollRegion() {
        drivers.forEach((width, driver) -> {
            @SuppressWarnings("unchecked")
            List<String> wide = (List<String>) js(
                    driver,
                    "const w = document.documentElement.clientWidth; const out = [];"
                            + "if (document.documentElement.scrollWidth > w) out.push('page scrolls sideways: ' + document.documentElement.scrollWidth);"
                            + "document.querySelectorAll('body *').forEach(e => {"
                            + "  if (e.closest('.scroll') || e.closest('[hidden]')) return;"
                            + "  const r = e.getBoundingClientRect();"
                            + "  if (r.width > 0 && (r.right > w + 1 || r.left < -1)) out.push(e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(r.left) + '..' + Math.round(r.right));"
                            + "});"
                            + "return out;");
            assertThat(wide).as("elements wider than %d px", width).isEmpty();
        });
    }

    @Test
    void axeCore_shouldFindNoSeriousOrCriticalViolation_atBothWidths() throws Exception {
        for (Map.Entry<Integer, ChromeDriver> d : drivers.entrySet()) {
            assertThat(axeFindings(d.getValue()))
                    .as("axe-core at %d px", d.getKey())
                    .isEmpty();
        }
    }

    /** Injects axe-core into the open page, runs it, and returns its serious and critical findings. */
    static List<String> axeFindings(ChromeDriver driver) throws Exception {
        js(driver, Files.readString(AXE));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) ((JavascriptExecutor) driver)
                .executeAsyncScript("const done = arguments[arguments.length - 1];"
                        + "axe.run(document).then(r => done({ passes: r.passes.length, findings: r.violations"
                        + "  .filter(v => v.impact === 'serious' || v.impact === 'critical')"
                        + "  .map(v => v.impact + ' ' + v.id + ': ' + v.help + ' (' + v.nodes.length + ' nodes, first: '"
                        + "    + v.nodes[0].target.join(' ') + ')') }));");
        // axe really ran its rules on this page
        assertThat(((Number) result.get("passes")).intValue())
                .as("axe-core rules passed")
                .isGreaterThan(10);
        @SuppressWarnings("unchecked")
        List<String> findings = (List<String>) result.get("findings");
        return findings;
    }

    @Test
    void everyChart_shouldHavePixels_andPlotOnlyNumbersThatResultsJsonHolds() {
        Set<Double> numbers = new HashSet<>();
        collectNumbers(run.results, numbers);
        drivers.forEach((width, driver) -> {
            List<WebElement> canvases = driver.findElements(By.cssSelector("main section:not([hidden]) canvas"));
            assertThat(canvases).hasSizeGreaterThanOrEqualTo(13);
            for (WebElement canvas : canvases) {
                String id = canvas.getAttribute("id");
                if (!canvas.isDisplayed()) {
                    continue; // a chart box hidden because its group of runs is empty
                }
                assertThat(HeadlessChromium.paintedPixels(driver, canvas))
                        .as("painted pixels of %s at %d px", id, width)
                        .isGreaterThan(1_000);
                @SuppressWarnings("unchecked")
                List<Object> values = (List<Object>) js(
                        driver,
                        "const out = []; Chart.getChart(arguments[0]).data.datasets.filter(d => !d.derived).forEach(d => d.data.forEach(v => {"
                                + "  if (v === null || v === undefined) return;"
                                + "  if (Array.isArray(v)) v.forEach(x => out.push(x));"
                                + "  else if (typeof v === 'object') { if (v.y !== null) out.push(v.y); }"
                                + "  else out.push(v);"
                                + "})); return out;",
                        canvas);
                assertThat(values).as("%s plots something", id).isNotEmpty();
                for (Object v : values) {
                    double value = ((Number) v).doubleValue();
                    assertThat(value == 0 || numbers.contains(value))
                            .as("%s plots %s, which results.json does not hold", id, value)
                            .isTrue();
                }
            }
        });
    }

    @Test
    void everyTableNumber_shouldBeOneThatResultsJsonHolds() {
        Set<Double> numbers = new HashSet<>();
        collectNumbers(run.results, numbers);
        @SuppressWarnings("unchecked")
        List<String> values = (List<String>) js(
                drivers.get(1440),
                "return [...document.querySelectorAll('td[data-value]')].map(td => td.closest('[id]').id + ' '"
                        + " + td.getAttribute('data-key') + ' ' + td.getAttribute('data-value'));");
        assertThat(values).hasSizeGreaterThan(500);
        List<String> foreign = values.stream()
                .filter(v -> {
                    double value = Double.parseDouble(v.substring(v.lastIndexOf(' ') + 1));
                    return value != 0 && !numbers.contains(value);
                })
                .toList();
        assertThat(foreign).as("table numbers that results.json does not hold").isEmpty();
    }

    @Test
    void verdictTable_shouldStandOnTheBestWarmedRuns_andShowTheirNumbers() {
        ChromeDriver driver = drivers.get(1440);
        List<Map<String, Object>> runs = runs();
        Map<String, Object> throughputInline = runs.stream()
                .filter(r -> "throughput".equals(r.get("scenario")) && "inline".equals(r.get("path")))
                .findFirst()
                .orElseThrow();
        // The throughput scenario's inline run is the seed's load after a timed warm-up: the best-warmed inline run
        WebElement inlineRow =
                driver.findElements(By.cssSelector("#verdict-table tbody tr")).get(0);
        assertThat(inlineRow.getAttribute("data-run")).isEqualTo(throughputInline.get("id"));
        Map<?, ?> latency = (Map<?, ?>) throughputInline.get("latency");
        assertValue(inlineRow, "summary.p50", ((Number) latency.get("p50")).doubleValue());
        assertValue(inlineRow, "summary.p99", ((Number) latency.get("p99")).doubleValue());
        assertValue(inlineRow, "throughput", ((Number) throughputInline.get("throughputPerSecond")).doubleValue());
        // and the notes say which run it is, with the colder seed run beside it
        String notes = driver.findElement(By.id("verdict-notes")).getText();
        assertThat(notes).contains(String.valueOf(throughputInline.get("id")), "seed-inline-naive", "warm-up");
        // Flask and Express rows hold the peers' numbers
        for (String peer : List.of("flask", "express")) {
            Map<String, Object> r = runs.stream()
                    .filter(x -> peer.equals(x.get("path")))
                    .findFirst()
                    .orElseThrow();
            WebElement row = driver.findElement(By.cssSelector("#verdict-table tr[data-run='" + r.get("id") + "']"));
            assertValue(row, "summary.p50", ((Number) ((Map<?, ?>) r.get("latency")).get("p50")).doubleValue());
        }
    }

    @Test
    void saturatedRuns_shouldCarryAFlag_inEveryTableRowOfTheirs() {
        ChromeDriver driver = drivers.get(1440);
        for (Map<String, Object> r : runs()) {
            if (!"open".equals(r.get("mode"))) {
                continue;
            }
            assertThat(r).containsKey("saturated");
            List<WebElement> rows = driver.findElements(By.cssSelector("tr[data-run='" + r.get("id") + "']"));
            assertThat(rows).as("rows of %s", r.get("id")).isNotEmpty();
            for (WebElement row : rows) {
                assertThat(row.findElements(By.cssSelector(".flag.saturated")))
                        .as("flag on %s (saturated=%s)", r.get("id"), r.get("saturated"))
                        .hasSize(Boolean.TRUE.equals(r.get("saturated")) ? 1 : 0);
            }
        }
    }

    private static Map<String, Object> overload() {
        return run.finding("overload");
    }

    @Test
    @SuppressWarnings("unchecked")
    void overloadSection_shouldDrawItsChartsAndShowEachStepsNumbers_withSaturatedStepsFlagged() {
        List<Map<String, Object>> steps = (List<Map<String, Object>>) overload().get("steps");
        assertThat(steps).anySatisfy(s -> assertThat(s.get("saturated")).isEqualTo(true));
        drivers.forEach((width, driver) -> {
            for (String id : List.of(
                    "chart-overload-goodput",
                    "chart-overload-errors",
                    "chart-overload-timeline-inline",
                    "chart-overload-timeline-async",
                    "chart-overload-backlog",
                    "chart-overload-backlog-time")) {
                WebElement canvas = driver.findElement(By.id(id));
                assertThat(canvas.isDisplayed())
                        .as("%s shown at %d px", id, width)
                        .isTrue();
                assertThat(HeadlessChromium.paintedPixels(driver, canvas))
                        .as("painted pixels of %s at %d px", id, width)
                        .isGreaterThan(1_000);
            }
        });
        ChromeDriver driver = drivers.get(1440);
        for (Map<String, Object> step : steps) {
            String key = step.get("path") + "@" + ((Number) step.get("multiple")).doubleValue();
            List<WebElement> rows = driver.findElements(By.cssSelector("#overload-table tr[data-step]")).stream()
                    .filter(r -> Double.parseDouble(r.getAttribute("data-step").replaceFirst("^[a-z]+@", ""))
                                    == ((Number) step.get("multiple")).doubleValue()
                            && r.getAttribute("data-step").startsWith(step.get("path") + "@"))
                    .toList();
            assertThat(rows).as("row of step %s", key).hasSize(1);
            WebElement row = rows.get(0);
            assertValue(row, "offeredPerSecond", ((Number) step.get("offeredPerSecond")).doubleValue());
            assertValue(row, "capacityPerSecond", ((Number) step.get("capacityPerSecond")).doubleValue());
            assertValue(row, "goodput", ((Number) step.get("goodput")).doubleValue());
            assertValue(row, "goodputPerSecond", ((Number) step.get("goodputPerSecond")).doubleValue());
            assertValue(row, "achievedShareOfOffered", ((Number) step.get("achievedShareOfOffered")).doubleValue());
            if (step.get("p99Millis") != null) {
                assertValue(row, "p99Millis", ((Number) step.get("p99Millis")).doubleValue());
            }
            if ("async".equals(step.get("path"))) {
                assertValue(row, "peakBacklog", ((Number) step.get("peakBacklog")).doubleValue());
                assertValue(row, "drainSeconds", ((Number) step.get("drainSeconds")).doubleValue());
                assertValue(row, "unstoredJobs", ((Number) step.get("unstoredJobs")).doubleValue());
            }
            assertThat(row.findElements(By.cssSelector(".flag.saturated")))
                    .as("flag on step %s (saturated=%s)", key, step.get("saturated"))
                    .hasSize(Boolean.TRUE.equals(step.get("saturated")) ? 1 : 0);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void overloadSection_shouldStateWhereEachPathStopsDelivering_fromItsSteps() {
        List<Map<String, Object>> steps = (List<Map<String, Object>>) overload().get("steps");
        ChromeDriver driver = drivers.get(1440);
        for (String path : List.of("inline", "async")) {
            boolean stopped =
                    steps.stream().anyMatch(s -> path.equals(s.get("path")) && Boolean.TRUE.equals(s.get("saturated")));
            assertThat(driver.findElement(By.cssSelector("[data-stops='" + path + "']"))
                            .getText())
                    .contains(path + " path, fib(" + overload().get("n") + ")")
                    .contains(stopped ? "stops delivering at" : "kept up at every load offered");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void pollingTable_shouldHoldEachPolicysNumbers() {
        Map<String, Object> polling = run.finding("polling");
        List<Map<String, Object>> rows = (List<Map<String, Object>>) polling.get("rows");
        ChromeDriver driver = drivers.get(1440);
        assertThat(driver.findElements(By.cssSelector("#overload-polling tbody tr")))
                .hasSameSizeAs(rows);
        for (Map<String, Object> r : rows) {
            WebElement row = driver.findElement(
                    By.cssSelector("#overload-polling tr[data-policy='" + r.get("n") + ":" + r.get("policy") + "']"));
            assertValue(row, "requestsPerJob", ((Number) r.get("requestsPerJob")).doubleValue());
            assertDataValue(
                    row, "pollCostPerMillionJobsUsd", ((Number) r.get("pollCostPerMillionJobsUsd")).doubleValue());
            assertValue(row, "p50Millis", ((Number) r.get("p50Millis")).doubleValue());
            assertThat(row.getText()).contains(Boolean.TRUE.equals(r.get("honoursRetryAfter")) ? "yes" : "no");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void projection_shouldBeLabelledAModel_besideItsValidation_withEachQuotasDateAndSource() {
        Map<String, Object> validation = (Map<String, Object>) overload().get("validation");
        Map<String, Object> projection = (Map<String, Object>) overload().get("projection");
        ChromeDriver driver = drivers.get(1440);
        // its validation: predicted beside measured for every step, rows past the tolerance flagged
        List<Map<String, Object>> checks = (List<Map<String, Object>>) validation.get("rows");
        List<WebElement> validationRows = driver.findElements(By.cssSelector("#overload-validation tbody tr"));
        assertThat(validationRows).hasSameSizeAs(checks);
        for (int i = 0; i < checks.size(); i++) {
            Map<String, Object> check = checks.get(i);
            WebElement row = validationRows.get(i);
            assertValue(row, "measuredP99Millis", ((Number) check.get("measuredP99Millis")).doubleValue());
            assertValue(row, "predictedP99Millis", ((Number) check.get("predictedP99Millis")).doubleValue());
            assertThat(row.getAttribute("data-within")).isEqualTo(String.valueOf(check.get("withinTolerance")));
            assertThat(row.getText().contains("⚠ over"))
                    .as("flag on validation row %d", i)
                    .isEqualTo(!Boolean.TRUE.equals(check.get("withinTolerance")));
            boolean saturated = ((List<Map<String, Object>>) overload().get("steps"))
                    .stream()
                            .anyMatch(s -> s.get("path").equals(check.get("path"))
                                    && s.get("multiple").equals(check.get("multiple"))
                                    && Boolean.TRUE.equals(s.get("saturated")));
            assertThat(row.findElements(By.cssSelector(".flag.saturated")))
                    .as("saturation flag on validation row %d", i)
                    .hasSize(saturated ? 1 : 0);
        }
        // the verdict says in words whether the goal was met
        boolean allWithin = checks.stream().allMatch(c -> Boolean.TRUE.equals(c.get("withinTolerance")));
        assertThat(driver.findElement(By.id("overload-validation")).getText())
                .contains(allWithin ? "Every step was predicted within" : "Goal not met: ")
                .contains("(model − measured) / measured");
        // the validation's figures within the tolerance, and within it over the capacity's repeatability
        assertThat(driver.findElement(By.id("validation-repeatability")).getText())
                .startsWith(validation.get("figuresWithin") + " of " + validation.get("figures") + " figures")
                .contains(validation.get("figuresWithinRepeatability") + " of " + validation.get("figures")
                        + " figures come within")
                .contains("async ±")
                .contains("inline ±");
        // the async rows' queue: the model's backlog and drain beside the step's measured ones
        List<Map<String, Object>> queueChecks = checks.stream()
                .filter(c -> c.get("predictedPeakBacklog") != null)
                .toList();
        assertThat(queueChecks)
                .as("async validation rows with the model's queue")
                .isNotEmpty();
        assertThat(driver.findElements(By.cssSelector("#overload-validation-queue tbody tr")))
                .hasSameSizeAs(queueChecks);
        for (Map<String, Object> check : queueChecks) {
            Map<String, Object> step = ((List<Map<String, Object>>) overload().get("steps"))
                    .stream()
                            .filter(s -> s.get("path").equals(check.get("path"))
                                    && s.get("multiple").equals(check.get("multiple")))
                            .findFirst()
                            .orElseThrow();
            WebElement row = driver.findElement(By.cssSelector("#overload-validation-queue tr[data-validation-queue='"
                    + check.get("path") + "@" + jsNumber((Number) check.get("multiple")) + "']"));
            assertValue(row, "predictedPeakBacklog", ((Number) check.get("predictedPeakBacklog")).doubleValue());
            assertValue(row, "predictedDrainSeconds", ((Number) check.get("predictedDrainSeconds")).doubleValue());
            assertValue(row, "measuredPeakBacklog", ((Number) step.get("peakBacklog")).doubleValue());
            assertValue(row, "measuredDrainSeconds", ((Number) step.get("drainSeconds")).doubleValue());
            // a drain the runner stopped reading before every job was stored is said to be a lower bound
            assertThat(row.findElement(By.cssSelector("td[data-key='drainBound']"))
                            .getText())
                    .isEqualTo(((Number) step.get("unstoredJobs")).longValue() > 0 ? "a lower bound" : "whole");
        }
        long cutShort = ((List<Map<String, Object>>) overload().get("steps"))
                .stream()
                        .filter(s -> s.get("unstoredJobs") != null && ((Number) s.get("unstoredJobs")).longValue() > 0)
                        .count();
        assertThat(driver.findElement(By.id("overload-drain-text")).getText())
                .contains(cutShort == 0 ? "Every accepted job was stored" : "is a lower bound");
        // the projection: labelled a model, every row, where each path stops for each n
        assertThat(driver.findElement(By.id("projection-model-label")).getText())
                .startsWith("MODEL, not a measurement")
                .contains("were not measured here");
        assertThat(driver.findElement(By.id("projection-columns")).getText())
                .contains("polls count against the same throttle as the submits");
        List<Map<String, Object>> rows = (List<Map<String, Object>>) projection.get("rows");
        assertThat(driver.findElements(By.cssSelector("#overload-projection tbody tr")))
                .hasSameSizeAs(rows);
        for (Map<String, Object> r : rows) {
            WebElement row = driver.findElement(By.cssSelector("#overload-projection tr[data-projection='" + r.get("n")
                    + ":" + r.get("path") + "@" + jsNumber((Number) r.get("offeredPerSecond")) + "']"));
            assertValue(row, "goodputPerSecond", ((Number) r.get("goodputPerSecond")).doubleValue());
            assertDataValue(row, "costPerHourUsd", ((Number) r.get("costPerHourUsd")).doubleValue());
            assertThat(row.getText()).contains(String.valueOf(r.get("bindingDescription")));
        }
        assertThat(driver.findElements(By.cssSelector("#projection-stops li")))
                .extracting(li -> li.getAttribute("data-n"))
                .containsExactlyElementsOf(rows.stream()
                        .map(r -> String.valueOf(r.get("n")))
                        .distinct()
                        .toList());
        // which limits it models, and that the template's own default deploy limits bind first
        Map<String, Object> limits =
                (Map<String, Object>) ((Map<String, Object>) run.results.get("worstCaseSpend")).get("parameters");
        assertThat(driver.findElement(By.id("projection-deploy-limits")).getText())
                .contains("deploy limits raised to the account's quotas")
                .contains("GET /fib is throttled above " + limits.get("InlineRateLimit") + " requests/s (burst "
                        + limits.get("InlineBurstLimit") + ")")
                .contains("POST /jobs above " + limits.get("SubmitRateLimit") + "/s (burst "
                        + limits.get("SubmitBurstLimit") + ")")
                .doesNotContain("undefined")
                .contains("the API function runs at most " + limits.get("ApiReservedConcurrency") + " at once");
        // and each quota it read, with the date it was read and a link to its source
        List<Map<String, Object>> quotas = (List<Map<String, Object>>) projection.get("quotas");
        assertThat(quotas).isNotEmpty();
        for (Map<String, Object> q : quotas) {
            WebElement item =
                    driver.findElement(By.cssSelector("#projection-quotas li[data-quota='" + q.get("key") + "']"));
            assertThat(item.getText()).contains("read " + q.get("retrieved") + " from ");
            assertThat(item.findElement(By.tagName("a")).getAttribute("href")).isEqualTo(q.get("source"));
        }
    }

    /**
     * Asks the chart, at 128 pointer positions across the middle of its plot area, which elements its
     * tooltip would show with the chart's own interaction settings (Chart.js handles real pointer moves
     * on the next animation frame, so the same lookup is made directly); counts the positions with at
     * least one. With a second argument true,
     * asks with the old setting instead: a tooltip only where the pointer is on a point.
     */
    static final String HOVER_COUNT = "const chart = Chart.getChart(document.getElementById(arguments[0]));"
            + "const opts = arguments[1] ? { mode: 'point', intersect: true } : chart.options.interaction;"
            + "const a = chart.chartArea; let hits = 0;"
            + "for (let i = 0; i < 128; i++) {"
            + "  const e = { type: 'mousemove', native: null, x: a.left + (a.right - a.left) * (i + 0.5) / 128, y: (a.top + a.bottom) / 2 };"
            + "  if (chart.getElementsAtEventForMode(e, opts.mode, opts, true).length > 0) hits++;"
            + "}"
            + "return hits;";

    @Test
    void tooltips_shouldShowTheNearestPoint_almostEverywhereOnAChart() {
        ChromeDriver driver = drivers.get(1440);
        for (String id : List.of("chart-percentiles", "chart-open", "chart-crossover")) {
            long hits = ((Number) js(driver, HOVER_COUNT, id, false)).longValue();
            assertThat(hits).as("positions of 128 with a tooltip on %s", id).isGreaterThanOrEqualTo(120);
        }
        // The old setting (a tooltip only right on a point) fails the same measure
        long old = ((Number) js(driver, HOVER_COUNT, "chart-percentiles", true)).longValue();
        assertThat(old)
                .as("positions of 128 with a tooltip when only points intersect")
                .isLessThan(64);
    }

    @Test
    void methodology_shouldDescribeOnlyWhatRan() throws Exception {
        ChromeDriver driver = drivers.get(1440);
        assertThat(driver.findElement(By.id("methodology-text")).getText()).contains("Sweep: n ∈", "Open loop:");

        // Given the same results without the sweep and open-loop scenarios
        Results all = ResultsJson.read(run.index.getParent().resolve("data/results.json"));
        Results results = all.withScenarios(all.scenarios().stream()
                .filter(s -> !List.of("sweep", "open").contains(s.name()))
                .toList());
        Path site = Path.of("target", "test-site-no-sweep").toAbsolutePath();
        ResultsJson.write(site.resolve("data/results.json"), results);
        Path index = SiteGenerator.generate(site.resolve("data/results.json"), site);

        // Then its methodology says nothing about a sweep or an open loop
        driver.get(index.toUri().toString());
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-rendered")));
        String methodology = driver.findElement(By.id("methodology-text")).getText();
        driver.get(run.index.toUri().toString());
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-rendered")));
        assertThat(methodology).contains("Closed loop:").doesNotContain("Sweep:", "Open loop:");
    }

    @Test
    void worstCaseSpend_shouldBeTheTemplatesOwnLimits_andShowItsNumbers_atBothWidths() throws Exception {
        // The run lifted the local stack's throttles, but results.json holds the worst case at the
        // template's own defaults plus the run's one explicit -P
        @SuppressWarnings("unchecked")
        Map<String, Object> w = (Map<String, Object>) run.results.get("worstCaseSpend");
        assertThat(w).as("worstCaseSpend in results.json").isNotNull();
        assertThat(w.get("overrides")).isEqualTo(Map.of("InlineNaiveMaxN", "24"));
        Map<String, String> defaults = fiblab.local.template.SamTemplate.load(Path.of("../template.yaml"), Map.of())
                .parameters();
        ((Map<?, ?>) w.get("parameters"))
                .forEach((name, value) -> assertThat(value).as("%s", name).isEqualTo(defaults.get(name)));
        List<?> items = (List<?>) w.get("items");
        assertThat(items).isNotEmpty();

        drivers.forEach((width, driver) -> {
            // Then the cost section shows one row per item and the total, each cell the file's number
            List<WebElement> rows = driver.findElements(By.cssSelector("#worst-case-table tbody tr"));
            assertThat(rows).as("worst-case rows at %d px", width).hasSize(items.size() + 1);
            for (int i = 0; i < items.size(); i++) {
                Map<?, ?> item = (Map<?, ?>) items.get(i);
                assertThat(rows.get(i).getText()).contains(String.valueOf(item.get("service")));
                assertValue(rows.get(i), "unitsPerHour", ((Number) item.get("unitsPerHour")).doubleValue());
                assertValue(rows.get(i), "usdPerHour", ((Number) item.get("usdPerHour")).doubleValue());
            }
            WebElement total = rows.get(items.size());
            assertThat(total.getAttribute("data-row")).isEqualTo("total");
            assertValue(total, "usdPerHour", ((Number) w.get("totalUsdPerHour")).doubleValue());
            assertThat(total.isDisplayed()).isTrue();
            // with the price file's date, which parameters it stands on, and a line under the verdict
            String text = driver.findElement(By.id("worst-case")).getText();
            assertThat(text)
                    .contains("checked " + w.get("checked"), "template.yaml's defaults with -P InlineNaiveMaxN=24")
                    .contains("lifted the stage throttles");
            String totalShown = total.findElement(By.cssSelector("td[data-key='usdPerHour']"))
                    .getText();
            assertThat(driver.findElement(By.id("verdict-worst-case")).getText())
                    .contains("Worst case once deployed: " + totalShown + " an hour");
        });
    }

    @Test
    void worstCaseSpend_shouldBeLeftOut_withAReason_forARunAgainstAUrl() throws Exception {
        // Given the same results as a run against --url would write them: no template at hand, no worst case
        Results all = ResultsJson.read(run.index.getParent().resolve("data/results.json"));
        Results results = all.withTarget(new TargetInfo(
                        "url", "the API at http://127.0.0.1:9", "http://127.0.0.1:9", Map.of(), List.of()))
                .withWorstCaseSpend(null);
        Path site = Path.of("target", "test-site-url").toAbsolutePath();
        ResultsJson.write(site.resolve("data/results.json"), results);
        Path index = SiteGenerator.generate(site.resolve("data/results.json"), site);

        // Then its cost section says why there is no worst case, and shows no table for it
        ChromeDriver driver = drivers.get(390);
        driver.get(index.toUri().toString());
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-rendered")));
        String absent = driver.findElement(By.id("worst-case-absent")).getText();
        boolean tables = !driver.findElements(By.id("worst-case-table")).isEmpty();
        boolean verdictLine = !driver.findElements(By.id("verdict-worst-case")).isEmpty();
        boolean shown = driver.findElement(By.id("worst-case-absent")).isDisplayed();
        driver.get(run.index.toUri().toString());
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-rendered")));
        assertThat(absent).contains("--url", "template was not at hand");
        assertThat(shown).isTrue();
        assertThat(tables).isFalse();
        assertThat(verdictLine).isFalse();
    }

    @Test
    void reproduceBox_shouldShowTheRecordedCommandLine() {
        Map<?, ?> commandLine = (Map<?, ?>) run.results.get("commandLine");
        assertThat(((List<?>) commandLine.get("arguments"))
                        .stream().map(String::valueOf).toList())
                .contains("--out", "--no-progress", "--peers");
        assertThat(drivers.get(1440).findElement(By.id("reproduce-command")).getText())
                .isEqualTo(commandLine.get("shell"))
                .startsWith("report-site/bench.sh -P InlineNaiveMaxN=24 --out ");
    }

    @Test
    void history_shouldListThreeKeptRuns_andChartTheirHeadlines() throws Exception {
        // Given three saved runs: the short run's results under three dates and commits
        Path site = Path.of("target", "test-history").toAbsolutePath();
        if (Files.exists(site)) {
            try (var files = Files.walk(site)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(f -> f.toFile().delete());
            }
        }
        List<String> commits = List.of("aaaaaaa", "bbbbbbb", "ccccccc");
        for (int i = 0; i < commits.size(); i++) {
            Results read = ResultsJson.read(run.index.getParent().resolve("data/results.json"));
            Results results = read.withEnvironment(
                    read.environment().withDateAndCommit("2026-12-0" + (i + 1) + "T10:00:00Z", commits.get(i)));
            ResultsJson.write(site.resolve("data/results.json"), results);
            SiteGenerator.generate(site.resolve("data/results.json"), site);
            RunHistory.keep(site);
        }

        // When the history page is opened
        ChromeDriver driver = drivers.get(1440);
        driver.get(site.resolve("history.html").toUri().toString());
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-rendered")));

        // Then it lists each run with its date, commit and target, linking to the run's own page
        List<WebElement> rows = driver.findElements(By.cssSelector("#runs-table tbody tr"));
        assertThat(rows).hasSize(3);
        for (int i = 0; i < 3; i++) {
            String text = rows.get(i).getText();
            assertThat(text).contains("2026-12-0" + (i + 1), commits.get(i), "local emulators");
            String href = rows.get(i).findElement(By.tagName("a")).getAttribute("href");
            assertThat(Path.of(java.net.URI.create(href))).isRegularFile();
        }
        // and charts the headline figures across runs
        for (String id : List.of("chart-history-latency", "chart-history-throughput")) {
            Object points = js(
                    driver,
                    "return Chart.getChart(document.getElementById(arguments[0])).data.datasets[0].data.filter(v => v !== null).length;",
                    id);
            assertThat(((Number) points).intValue()).as(id).isEqualTo(3);
        }
        assertThat(axeFindings(driver)).as("axe-core on history.html").isEmpty();
        driver.get(run.index.toUri().toString());
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-rendered")));
    }

    /** A dollar cell: its raw number (the page rounds dollars to cents, so the text is not compared). */
    private static void assertDataValue(WebElement row, String key, double expected) {
        WebElement cell = row.findElement(By.cssSelector("td[data-key='" + key + "']"));
        assertThat(Double.parseDouble(cell.getAttribute("data-value"))).as(key).isEqualTo(expected);
    }

    /** A number as JavaScript writes it into an attribute: 10 for 10.0. */
    private static String jsNumber(Number n) {
        double d = n.doubleValue();
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
    }

    private static void assertValue(WebElement row, String key, double expected) {
        WebElement cell = row.findElement(By.cssSelector("td[data-key='" + key + "']"));
        assertThat(Double.parseDouble(cell.getAttribute("data-value"))).as(key).isEqualTo(expected);
        assertThat(SiteBrowserIT.shownValue(cell.getText()))
                .as("%s shown as '%s'", key, cell.getText())
                .isCloseTo(expected, org.assertj.core.data.Offset.offset(Math.max(0.006, Math.abs(expected) * 0.006)));
    }

    private static void collectNumbers(Object node, Set<Double> into) {
        if (node instanceof Number n) {
            into.add(n.doubleValue());
        } else if (node instanceof Map<?, ?> map) {
            map.values().forEach(v -> collectNumbers(v, into));
        } else if (node instanceof List<?> list) {
            list.forEach(v -> collectNumbers(v, into));
        }
    }

    private static List<Map<String, Object>> runs() {
        List<Map<String, Object>> all = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> scenarios = (List<Map<String, Object>>) run.results.get("scenarios");
        for (Map<String, Object> s : scenarios) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> runs = (List<Map<String, Object>>) s.get("runs");
            all.addAll(runs);
        }
        return all;
    }
}
