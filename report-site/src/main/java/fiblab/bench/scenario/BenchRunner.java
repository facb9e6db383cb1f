package fiblab.bench.scenario;

import fiblab.bench.http.ApiClient;
import fiblab.bench.load.ClosedLoop;
import fiblab.bench.load.LoadRun;
import fiblab.bench.load.OpenLoop;
import fiblab.bench.load.ProgressListener;
import fiblab.bench.load.RunOutput;
import fiblab.bench.path.AsyncPath;
import fiblab.bench.path.InlinePath;
import fiblab.bench.path.NoWorkPath;
import fiblab.bench.path.Operation;
import fiblab.bench.result.HistogramLogs;
import fiblab.bench.result.Run;
import fiblab.bench.result.RunResult;
import fiblab.bench.result.RunSpec;
import fiblab.bench.result.ScenarioResult;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the scenarios against one API and collects each run's result. Both paths of a scenario run
 * one after the other with the same load shape, never at the same time, so neither steals the
 * other's CPU. HdrHistogram logs land in {@code <dataDir>/hdr/}.
 */
public final class BenchRunner {

    static final String INLINE = "inline";
    static final String ASYNC = "async";
    static final String NAIVE = "naive";
    static final String FAST = "fast";

    private final ApiClient client;
    private final BenchSettings settings;
    private final RunOutput output;
    /** The seed run's closed-loop throughputs, from which the default open-loop rate follows; -1 before it ran. */
    private double seedInlinePerSecond = -1;

    private double seedAsyncPerSecond = -1;
    private OpenLoopRate openRate;

    /**
     * @param output where runs write their histogram logs and show their progress, and where the runner says
     *               how it chose what the settings left open (the open-loop rate)
     */
    public BenchRunner(ApiClient client, BenchSettings settings, RunOutput output) {
        this.client = client;
        this.settings = settings;
        this.output = output;
    }

    /** The open loop's rate as it was chosen once an open loop ran; before that, what the settings say. */
    public double openRateUsed() {
        return openRate == null ? settings.openRate() : openRate.perSecond();
    }

    /**
     * The open loop's rate: {@code --rate}, or by default {@link OpenLoopRate#SHARE_OF_CLOSED_LOOP} of
     * the slower path's throughput in this session's seed run, or in a short unrecorded closed-loop
     * probe of both paths when the seed did not run first. Chosen once, said in the log.
     */
    public OpenLoopRate openRate() throws InterruptedException {
        if (openRate == null) {
            if (settings.openRate() > 0) {
                openRate = OpenLoopRate.given(settings.openRate());
            } else if (seedInlinePerSecond >= 0) {
                openRate = OpenLoopRate.derived(seedInlinePerSecond, seedAsyncPerSecond, "the seed run");
            } else {
                openRate = OpenLoopRate.derived(
                        probe(INLINE),
                        probe(ASYNC),
                        "a short closed-loop probe at " + settings.concurrency() + " clients");
            }
            output.say("Open loop at " + openRate.perSecond() + "/s for both paths: " + openRate.source());
        }
        return openRate;
    }

    private double probe(String path) throws InterruptedException {
        int count = INLINE.equals(path)
                ? Math.max(200, settings.concurrency() * 20)
                : Math.max(50, settings.concurrency() * 5);
        LoadRun run = ClosedLoop.run(
                operation(path, settings.n(), NAIVE),
                settings.concurrency(),
                count,
                settings.runBudget(),
                ProgressListener.NONE);
        return run.durationNanos() <= 0 ? 0 : run.recorder().okCount() / (run.durationNanos() / 1e9);
    }

    /** The load generator's own floor: a route that does no work, at the seed's concurrency. */
    public Run overhead() throws IOException, InterruptedException {
        int requests = Math.max(settings.concurrency(), Math.min(settings.requests(), 2_000));
        ClosedLoop.run(
                new NoWorkPath(client),
                settings.concurrency(),
                Math.min(200, requests),
                settings.runBudget(),
                ProgressListener.NONE);
        RunSpec spec = new RunSpec("overhead", "no-work", "none", 0);
        try (ProgressListener bar = output.progress("no-work (generator overhead)", requests)) {
            return record(
                    spec,
                    ClosedLoop.run(
                            new NoWorkPath(client), settings.concurrency(), requests, settings.runBudget(), bar));
        }
    }

    /** Warms up both paths (JIT, connections, worker) at the seed's shape; nothing is recorded. */
    public void warmUp() throws InterruptedException {
        if (settings.warmup() <= 0) {
            return;
        }
        int asyncWarmup = Math.max(1, settings.warmup() / 5);
        try (ProgressListener bar = output.progress("warm-up inline", settings.warmup())) {
            ClosedLoop.run(
                    inline(settings.n(), NAIVE), settings.concurrency(), settings.warmup(), settings.runBudget(), bar);
        }
        try (ProgressListener bar = output.progress("warm-up async", asyncWarmup)) {
            ClosedLoop.run(async(settings.n(), NAIVE), settings.concurrency(), asyncWarmup, settings.runBudget(), bar);
        }
    }

    public ScenarioResult run(Scenario scenario) throws IOException, InterruptedException {
        List<Run> runs = switch (scenario) {
            case SEED -> seed(scenario);
            case OPEN -> openPair(scenario, settings.n(), NAIVE);
            case SWEEP -> sweep(scenario);
            case FAST -> fast(scenario);
            case COLDSTART, THROUGHPUT, OVERLOAD, POLLING ->
                throw new IllegalArgumentException(scenario.id() + " is run by the session, not by the runner");
        };
        return ScenarioResult.of(scenario.id(), scenario.description(), runs);
    }

    private List<Run> seed(Scenario scenario) throws IOException, InterruptedException {
        List<Run> pair = closedPair(
                scenario, settings.n(), NAIVE, settings.concurrency(), settings.requests(), settings.runBudget());
        seedInlinePerSecond = pair.get(0).throughputPerSecond();
        seedAsyncPerSecond = pair.get(1).throughputPerSecond();
        return pair;
    }

    private List<Run> sweep(Scenario scenario) throws IOException, InterruptedException {
        List<Run> runs = new ArrayList<>();
        for (int n : settings.sweepN()) {
            int requests = Math.max(settings.sweepNConcurrency(), settings.pointRequests());
            runs.addAll(closedPair(scenario, n, NAIVE, settings.sweepNConcurrency(), requests, settings.pointBudget()));
        }
        for (int clients : settings.sweepConcurrency()) {
            if (clients == settings.sweepNConcurrency() && settings.sweepN().contains(settings.n())) {
                continue; // already measured by the sweep over n
            }
            int requests = Math.max(clients * 2, settings.pointRequests());
            runs.addAll(closedPair(scenario, settings.n(), NAIVE, clients, requests, settings.pointBudget()));
        }
        return runs;
    }

    private List<Run> fast(Scenario scenario) throws IOException, InterruptedException {
        List<Run> runs = new ArrayList<>(closedPair(
                scenario, settings.n(), FAST, settings.concurrency(), settings.requests(), settings.runBudget()));
        for (int n : settings.sweepN()) {
            if (n == settings.n() && settings.sweepNConcurrency() == settings.concurrency()) {
                continue;
            }
            int requests = Math.max(settings.sweepNConcurrency(), settings.pointRequests());
            runs.addAll(closedPair(scenario, n, FAST, settings.sweepNConcurrency(), requests, settings.pointBudget()));
        }
        return runs;
    }

    private List<Run> closedPair(Scenario scenario, int n, String algorithm, int clients, int requests, Duration budget)
            throws IOException, InterruptedException {
        List<Run> pair = new ArrayList<>();
        for (String path : List.of(INLINE, ASYNC)) {
            String label = scenario.id() + " " + path + " " + algorithm + " n=" + n + " c=" + clients;
            try (ProgressListener bar = output.progress(label, requests)) {
                LoadRun run = ClosedLoop.run(operation(path, n, algorithm), clients, requests, budget, bar);
                pair.add(record(new RunSpec(scenario.id(), path, algorithm, n), run));
            }
        }
        return pair;
    }

    private List<Run> openPair(Scenario scenario, int n, String algorithm) throws IOException, InterruptedException {
        List<Run> pair = new ArrayList<>();
        double rate = openRate().perSecond();
        for (String path : List.of(INLINE, ASYNC)) {
            String label = scenario.id() + " " + path + " " + algorithm + " n=" + n + " @" + rate + "/s";
            try (ProgressListener bar = output.progress(label, settings.openRequests())) {
                LoadRun run = OpenLoop.run(
                        operation(path, n, algorithm),
                        rate,
                        settings.openRequests(),
                        settings.openMaxInFlight(),
                        settings.runBudget(),
                        bar);
                pair.add(record(new RunSpec(scenario.id(), path, algorithm, n), run));
            }
        }
        return pair;
    }

    private Operation operation(String path, int n, String algorithm) {
        return INLINE.equals(path) ? inline(n, algorithm) : async(n, algorithm);
    }

    private Operation inline(int n, String algorithm) {
        return new InlinePath(client, n, algorithm);
    }

    private Operation async(int n, String algorithm) {
        return new AsyncPath(client, n, algorithm, settings.pollInterval(), settings.jobTimeout());
    }

    private Run record(RunSpec spec, LoadRun run) throws IOException {
        String id = spec.id(run.mode(), run.workers(), run.ratePerSecond());
        String hdrLog = "hdr/" + id + ".hlog";
        HistogramLogs.write(output.dataDir().resolve(hdrLog), run.recorder());
        return RunResult.of(spec, run, hdrLog, settings.pollInterval().toMillis());
    }
}
