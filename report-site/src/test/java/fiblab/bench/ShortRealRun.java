package fiblab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import fiblab.bench.result.ResultsJson;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One short, real benchmark run through the CLI against the local stack (fiblab-local, started
 * in-process from the repository's template.yaml with InlineNaiveMaxN lowered to 24 so that the
 * sweep crosses the inline limit cheaply) and with the seed's peers (Flask, Express), and a short overload
 * (1× and 3× of each path's capacity, 2 s steps) and polling comparison, shared by the tests that check its results file and the
 * site generated from it: the run takes a while, and doing it once keeps the suite short.
 */
public final class ShortRealRun {

    public static final int REQUESTS = 40;
    public static final int OPEN_REQUESTS = 30;
    public static final int ASYNC_JOBS = 20;
    public static final int COLD_START_SAMPLES = 2;
    public static final List<String> OVERLOAD_MULTIPLES = List.of("1", "3");
    public static final int POLLING_JOBS = 4;
    public static final Path SITE = Path.of("target", "test-site").toAbsolutePath();

    private static ShortRealRun instance;

    public final int exitCode;
    public final String stdout;
    public final String stderr;
    public final Path index;
    public final Map<String, Object> results;

    private ShortRealRun(int exitCode, String stdout, String stderr, Map<String, Object> results) {
        this.exitCode = exitCode;
        this.stdout = stdout;
        this.stderr = stderr;
        this.index = SITE.resolve("index.html");
        this.results = results;
    }

    /** The findings of a scenario kind in the results (its field named like the scenario: overload, polling). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> finding(String scenario) {
        return (Map<String, Object>) ((List<Map<String, Object>>) results.get("scenarios"))
                .stream()
                        .filter(s -> s.containsKey(scenario))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no " + scenario + " scenario in the results"))
                        .get(scenario);
    }

    public static synchronized ShortRealRun get() throws Exception {
        if (instance == null) {
            instance = run();
        }
        return instance;
    }

    private static ShortRealRun run() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.execute(
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                "-P",
                "InlineNaiveMaxN=24",
                "--out",
                SITE.toString(),
                "--no-progress",
                "--requests",
                String.valueOf(REQUESTS),
                "--concurrency",
                "4",
                "--n",
                "20",
                "--warmup",
                "10",
                // no --rate: the open loop's default rate is derived from the seed run (MainIT checks it)
                "--open-requests",
                String.valueOf(OPEN_REQUESTS),
                "--sweep",
                "--peers",
                "--sweep-n",
                "15,20,24,26",
                "--sweep-concurrency",
                "1,4",
                "--point-requests",
                "4",
                "--point-budget-s",
                "10",
                "--poll-interval-ms",
                "5",
                // cold starts (two fresh JVMs per function and priming setting) and the throughput goals, short
                "--scenario",
                "seed,open,coldstart,throughput,overload,polling",
                "--cold-start-samples",
                String.valueOf(COLD_START_SAMPLES),
                "--cold-start-clients",
                fiblab.bench.coldstart.ProbeClasspath.URL_CONNECTION,
                "--throughput-requests",
                "20",
                "--throughput-warmup-seconds",
                "1",
                "--limit-seconds",
                "1",
                "--flatness-n",
                "15,20",
                "--flatness-rate",
                "20",
                "--flatness-requests",
                "10",
                "--async-jobs",
                String.valueOf(ASYNC_JOBS),
                // overload at 1x and 3x of each path's capacity, 2 s steps; the model validated and projected for
                // small n at two rates; four jobs per polling policy
                "--overload-multiples",
                String.join(",", OVERLOAD_MULTIPLES),
                "--overload-seconds",
                "2,1,1",
                "--patience-s",
                "5",
                "--projection-n",
                "20,24",
                "--projection-rates",
                "10,100",
                "--polling-jobs",
                String.valueOf(POLLING_JOBS));
        assertThat(exit).as("exit code; stderr:%n%s", err).isZero();
        return new ShortRealRun(
                exit, out.toString(), err.toString(), ResultsJson.readTree(SITE.resolve("data/results.json")));
    }
}
