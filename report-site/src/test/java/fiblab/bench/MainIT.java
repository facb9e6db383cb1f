package fiblab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;

class MainIT {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void help_shouldListOptionsAndExitZero_whenAsked() {
        int exit = run("--help");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("--scenario", "--url", "--stack-name", "--sweep", "--out", "--requests");
    }

    @Test
    void run_shouldNameTheValidChoicesAndExitTwo_whenScenarioIsUnknown() {
        int exit = run("--scenario", "soak", "--url", "http://127.0.0.1:9");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("unknown scenario 'soak'", "seed, open, sweep, fast");
    }

    @Test
    void run_shouldSayWhatIsAllowedAndExitTwo_whenConcurrencyIsZero() {
        int exit = run("--concurrency", "0", "--url", "http://127.0.0.1:9");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--concurrency must be between 1 and 1000; was 0");
    }

    @Test
    void run_shouldExitTwo_whenUrlAndStackNameAreBothGiven() {
        int exit = run("--url", "http://127.0.0.1:9", "--stack-name", "fiblab");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--url and --stack-name exclude each other");
    }

    @Test
    @SuppressWarnings("unchecked")
    void realRun_shouldRecordOverloadStepsWithTheirValidationAndProjection_andEachPollingPolicy() throws Exception {
        // Given the short real run, with its overload (1x and 3x) and polling scenarios against the local stack
        ShortRealRun run = ShortRealRun.get();
        Map<String, Object> overload = run.finding("overload");

        // Then both paths ran a step at each multiple, and every request or job is a right answer or an error
        List<Map<String, Object>> steps = (List<Map<String, Object>>) overload.get("steps");
        assertThat(steps)
                .extracting(s -> s.get("path") + "@" + number(s, "multiple"))
                .containsExactly("inline@1", "inline@3", "async@1", "async@3");
        for (Map<String, Object> step : steps) {
            long errors = ((Map<?, ?>) step.get("errors"))
                    .values().stream().mapToLong(v -> ((Number) v).longValue()).sum();
            assertThat(number(step, "goodput") + errors)
                    .as("%s goodput + errors", step)
                    .isEqualTo(number(step, "sent"));
            assertThat(number(step, "sent")).isPositive();
            assertThat((List<?>) step.get("timeline")).isNotEmpty();
            assertThat(step.get("saturated")).isInstanceOf(Boolean.class);
        }
        // (capacities are rates: on a loaded machine the async probe can give well under one job per second)
        assertThat(((Number) overload.get("inlineCapacity")).doubleValue()).isPositive();
        assertThat(((Number) overload.get("asyncCapacity")).doubleValue()).isPositive();

        // and the model predicted every measured step
        Map<String, Object> validation = (Map<String, Object>) overload.get("validation");
        assertThat((List<?>) validation.get("rows")).hasSameSizeAs(steps);

        // and the projection is labelled a model, dated and sourced, for each n, rate and path
        Map<String, Object> projection = (Map<String, Object>) overload.get("projection");
        assertThat(projection.get("label")).isEqualTo("model");
        assertThat((List<Map<String, Object>>) projection.get("quotas"))
                .isNotEmpty()
                .allSatisfy(q -> {
                    assertThat((String) q.get("source")).startsWith("https://");
                    assertThat((String) q.get("retrieved")).matches("\\d{4}-\\d{2}-\\d{2}");
                });
        assertThat((List<?>) projection.get("rows")).hasSize(2 * 2 * 2);

        // and each polling policy saw every job done
        Map<String, Object> polling = run.finding("polling");
        List<Map<String, Object>> policies = (List<Map<String, Object>>) polling.get("rows");
        assertThat(policies).extracting(p -> p.get("policy")).contains("retry-after", "fixed-10ms");
        assertThat(policies).allSatisfy(p -> {
            assertThat(number(p, "done")).isEqualTo(ShortRealRun.POLLING_JOBS);
            assertThat(number(p, "requestsPerJob")).isGreaterThanOrEqualTo(2);
        });
    }

    @Test
    void realRun_shouldWriteResultsWhoseCountsMatchTheRequestsSent() throws Exception {
        // Given a short real run of every scenario (see ShortRealRun)
        ShortRealRun run = ShortRealRun.get();

        // Then it printed where the site is
        assertThat(run.stdout.trim()).isEqualTo(run.index.toString());
        assertThat(run.index).isRegularFile();

        // and every run accounts for every request: sent = ok + errors, and nothing was cut short
        List<Map<String, Object>> runs = runs(run.results);
        assertThat(runs).extracting(r -> r.get("scenario")).contains("seed", "open", "sweep", "fast");
        for (Map<String, Object> r : runs) {
            long sent = number(r, "sent");
            long errorsByKind = ((Map<?, ?>) r.get("errors"))
                    .values().stream().mapToLong(v -> ((Number) v).longValue()).sum();
            assertThat(sent).as("%s sent", r.get("id")).isEqualTo(number(r, "planned"));
            assertThat(number(r, "ok") + number(r, "errorCount"))
                    .as("%s ok + errors", r.get("id"))
                    .isEqualTo(sent);
            assertThat(errorsByKind).as("%s errors by kind", r.get("id")).isEqualTo(number(r, "errorCount"));
            assertThat(number((Map<?, ?>) r.get("latency"), "count"))
                    .as("%s latencies", r.get("id"))
                    .isEqualTo(number(r, "ok"));
        }

        // and the seed sent exactly what it was asked, on both paths, all successful
        List<Map<String, Object>> seed =
                runs.stream().filter(r -> "seed".equals(r.get("scenario"))).toList();
        assertThat(seed).extracting(r -> r.get("path")).containsExactly("inline", "async");
        assertThat(seed).allSatisfy(r -> {
            assertThat(number(r, "sent")).isEqualTo(ShortRealRun.REQUESTS);
            assertThat(number(r, "ok")).isEqualTo(ShortRealRun.REQUESTS);
        });
        Map<String, Object> seedAsync = seed.get(1);
        assertThat(number((Map<?, ?>) seedAsync.get("accepted"), "count")).isEqualTo(ShortRealRun.REQUESTS);
        assertThat(number(seedAsync, "polls")).isGreaterThanOrEqualTo(ShortRealRun.REQUESTS);

        // and above the inline limit inline fails with 422 while async finishes
        Map<String, Object> inline26 = find(runs, "sweep", "inline", 26);
        Map<String, Object> async26 = find(runs, "sweep", "async", 26);
        assertThat(number((Map<?, ?>) inline26.get("errors"), "http-422")).isEqualTo(number(inline26, "sent"));
        assertThat(number(async26, "ok")).isEqualTo(number(async26, "sent")).isPositive();

        // and the environment and the load generator's overhead are recorded
        @SuppressWarnings("unchecked")
        Map<String, Object> environment = (Map<String, Object>) run.results.get("environment");
        assertThat(environment).containsKeys("date", "commit", "cpu", "cores", "jdk");
        Map<?, ?> target = (Map<?, ?>) run.results.get("target");
        assertThat(target.get("kind")).isEqualTo("local");
        assertThat(((Map<?, ?>) target.get("parameters")).get("InlineNaiveMaxN"))
                .isEqualTo("24");
        assertThat(number((Map<?, ?>) run.results.get("overhead"), "ok")).isPositive();
    }

    @Test
    void realRun_withoutRate_shouldOfferBothOpenLoopsHalfTheSlowerSeedPath_andSaySo() throws Exception {
        // Given the short real run, which gives no --rate
        ShortRealRun run = ShortRealRun.get();
        List<Map<String, Object>> runs = runs(run.results);
        double slowerSeed = runs.stream()
                .filter(r -> "seed".equals(r.get("scenario")))
                .mapToDouble(r -> ((Number) r.get("throughputPerSecond")).doubleValue())
                .min()
                .orElseThrow();
        double expected = Math.max(0.1, Math.round(slowerSeed * 0.5 * 10) / 10.0);

        // Then both open loops were offered 0.5 x the slower seed path, the settings record that rate,
        // and the log says where it came from
        assertThat(runs.stream().filter(r -> "open".equals(r.get("scenario"))))
                .hasSize(2)
                .allSatisfy(r -> assertThat(((Number) r.get("ratePerSecond")).doubleValue())
                        .isCloseTo(expected, org.assertj.core.data.Offset.offset(0.05)));
        Map<?, ?> settings = (Map<?, ?>) run.results.get("settings");
        assertThat(((Number) settings.get("openRatePerSecond")).doubleValue())
                .isCloseTo(expected, org.assertj.core.data.Offset.offset(0.05));
        assertThat(run.stderr).contains("Open loop at ", "closed-loop throughput in the seed run");
    }

    @Test
    void realRun_shouldMeasureAsyncJobsPerSecond_withAClientThatHonoursRetryAfter() throws Exception {
        ShortRealRun run = ShortRealRun.get();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> scenarios = (List<Map<String, Object>>) run.results.get("scenarios");
        Map<?, ?> async = (Map<?, ?>) scenarios.stream()
                .filter(s -> "throughput".equals(s.get("name")))
                .findFirst()
                .orElseThrow()
                .get("asyncThroughput");

        // Every job ended DONE with the right value, each was polled no sooner than its Retry-After (1 s)
        assertThat(number(async, "jobs")).isEqualTo(ShortRealRun.ASYNC_JOBS);
        assertThat(number(async, "done")).isEqualTo(ShortRealRun.ASYNC_JOBS);
        assertThat(number(async, "failed")).isZero();
        assertThat(async.get("polling")).isEqualTo("retry-after");
        assertThat(((Number) async.get("resultP50Millis")).doubleValue()).isGreaterThanOrEqualTo(1000);
        assertThat(((Number) async.get("requestsPerJob")).doubleValue()).isGreaterThanOrEqualTo(2);
        // and the rate is results over first submit to last result, against the limit around it; both are
        // recorded to 0.01, and after the warm-up 20 jobs can end within 0.4 s, where 0.005 s is over 1 %
        double achieved = ((Number) async.get("achievedPerSecond")).doubleValue();
        double lastResult = ((Number) async.get("lastResultSeconds")).doubleValue();
        assertThat(achieved)
                .isBetween(
                        ShortRealRun.ASYNC_JOBS / (lastResult + 0.005) - 0.005,
                        ShortRealRun.ASYNC_JOBS / Math.max(0.001, lastResult - 0.005) + 0.005);
        assertThat(((Number) async.get("ratio")).doubleValue())
                .isCloseTo(
                        achieved / ((Number) async.get("limitPerSecond")).doubleValue(),
                        org.assertj.core.data.Offset.offset(0.001));
        assertThat(run.stderr).contains("each polled as its Retry-After says");
        // after unrecorded jobs of the same shape, so that the JIT's first compiles are not counted as CPU per job
        assertThat(run.stderr.indexOf("throughput: async warm-up"))
                .isNotNegative()
                .isLessThan(run.stderr.indexOf("each polled as its Retry-After says"));
    }

    @Test
    void realRun_shouldRunThePeersWithTheSeedRunsOwnSpec_andPriceEachPath() throws Exception {
        // Given a short real run with --peers
        ShortRealRun run = ShortRealRun.get();
        List<Map<String, Object>> runs = runs(run.results);
        Map<String, Object> seedInline = runs.stream()
                .filter(r -> "seed".equals(r.get("scenario")) && "inline".equals(r.get("path")))
                .findFirst()
                .orElseThrow();

        // Then Flask and Express ran exactly the seed's n, clients and request count, all answered correctly
        List<Map<String, Object>> peers =
                runs.stream().filter(r -> "peers".equals(r.get("scenario"))).toList();
        assertThat(peers).extracting(r -> r.get("path")).containsExactly("flask", "express");
        assertThat(peers).allSatisfy(r -> {
            for (String key : List.of("n", "concurrency", "planned", "sent")) {
                assertThat(r.get(key)).as("%s %s", r.get("id"), key).isEqualTo(seedInline.get(key));
            }
            assertThat(number(r, "ok")).isEqualTo(ShortRealRun.REQUESTS);
            assertThat(String.valueOf(r.get("versions"))).matches("(Flask .*Python|Express 4\\..*Node).*");
        });

        // and the cost object prices both paths with the dated price file and the template's configuration
        Map<?, ?> cost = (Map<?, ?>) run.results.get("cost");
        assertThat(((Map<?, ?>) cost.get("prices")).get("checked")).isEqualTo("2026-11-25");
        Map<?, ?> basis = (Map<?, ?>) cost.get("basis");
        assertThat(basis.get("apiMemoryMb")).isEqualTo(1769);
        assertThat(basis.get("batchSize")).isEqualTo(5);
        List<Map<?, ?>> paths = ((List<?>) cost.get("paths"))
                .stream().<Map<?, ?>>map(p -> (Map<?, ?>) p).toList();
        assertThat(paths).extracting(p -> String.valueOf(p.get("path"))).containsExactly("inline", "async");
        assertThat(paths)
                .allSatisfy(p -> assertThat(((Number) p.get("totalPerMillionUsd")).doubleValue())
                        .isPositive());
    }

    @Test
    void peers_shouldBeRefused_withoutTheSeedScenario() {
        int exit = run("--peers", "--scenario", "open", "--url", "http://127.0.0.1:9");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--peers runs the peers with the seed run's own spec");
    }

    @Test
    void urlRun_shouldMeasureTheGivenApi_andRecordTheStatedParameters() throws Exception {
        // Given an API that is already running (a real HTTP server speaking the contract)
        Path site = Path.of("target", "test-site-url").toAbsolutePath();
        try (FakeFibApi api = new FakeFibApi(42, 2)) {
            // When only the seed runs against it
            int exit = run(
                    "--url",
                    api.url() + "/",
                    "-P",
                    "InlineNaiveMaxN=42",
                    "--scenario",
                    "seed",
                    "--out",
                    site.toString(),
                    "--no-progress",
                    "--requests",
                    "12",
                    "--concurrency",
                    "3",
                    "--n",
                    "15",
                    "--warmup",
                    "0",
                    "--poll-interval-ms",
                    "2");

            // Then
            assertThat(exit).as(err.toString()).isZero();
        }
        Map<String, Object> results = fiblab.bench.result.ResultsJson.readTree(site.resolve("data/results.json"));
        Map<?, ?> target = (Map<?, ?>) results.get("target");
        assertThat(target.get("kind")).isEqualTo("url");
        assertThat(target.get("parameters")).isEqualTo(Map.of("InlineNaiveMaxN", "42"));
        assertThat(runs(results)).extracting(r -> number(r, "ok")).containsExactly(12L, 12L);
    }

    @Test
    void realRun_shouldWriteHistogramLogsHoldingEveryLatency() throws Exception {
        ShortRealRun run = ShortRealRun.get();

        for (Map<String, Object> r : runs(run.results)) {
            Path log = ShortRealRun.SITE.resolve("data").resolve(String.valueOf(r.get("hdrLog")));
            assertThat(log).isRegularFile();
            long latencies = 0;
            HistogramLogReader reader = new HistogramLogReader(log.toFile());
            for (Histogram h = (Histogram) reader.nextIntervalHistogram();
                    h != null;
                    h = (Histogram) reader.nextIntervalHistogram()) {
                if ("latency".equals(h.getTag())) {
                    latencies += h.getTotalCount();
                }
            }
            assertThat(latencies).as("%s", log).isEqualTo(number(r, "ok"));
        }
        assertThat(Files.readString(ShortRealRun.SITE.resolve("data/results.js")))
                .startsWith("// Generated from results.json");
    }

    @Test
    void fromResults_shouldRegenerateTheSite_withoutRunningAnything() throws Exception {
        // Given the results of a real run, copied elsewhere
        ShortRealRun run = ShortRealRun.get();
        Path copy = Files.createTempDirectory("fiblab-results-").resolve("results.json");
        Files.copy(ShortRealRun.SITE.resolve("data/results.json"), copy);
        Path site = Path.of("target", "test-site-regenerated").toAbsolutePath();

        // When the site is regenerated from it
        int exit = run("--from-results", copy.toString(), "--out", site.toString());

        // Then the new site carries exactly those results
        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString().trim()).isEqualTo(site.resolve("index.html").toString());
        assertThat(fiblab.bench.result.ResultsJson.readTree(site.resolve("data/results.json")))
                .isEqualTo(run.results);
        assertThat(site.resolve("assets/chart.umd.js")).isRegularFile();
        assertThat(Files.readString(site.resolve("data/results.js"))).contains("window.FIBLAB_RESULTS = {");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> runs(Map<String, Object> results) {
        return ((List<Map<String, Object>>) results.get("scenarios"))
                .stream()
                        .flatMap(s -> ((List<Map<String, Object>>) s.get("runs")).stream())
                        .toList();
    }

    private static Map<String, Object> find(List<Map<String, Object>> runs, String scenario, String path, int n) {
        return runs.stream()
                .filter(r -> scenario.equals(r.get("scenario")) && path.equals(r.get("path")) && number(r, "n") == n)
                .findFirst()
                .orElseThrow();
    }

    static long number(Map<?, ?> map, String key) {
        return ((Number) map.get(key)).longValue();
    }
}
