package fiblab.bench.peers;

import fiblab.bench.http.ApiClient;
import fiblab.bench.load.ClosedLoop;
import fiblab.bench.load.LoadRun;
import fiblab.bench.load.ProgressListener;
import fiblab.bench.load.RunOutput;
import fiblab.bench.path.InlinePath;
import fiblab.bench.result.Article;
import fiblab.bench.result.HistogramLogs;
import fiblab.bench.result.Run;
import fiblab.bench.result.RunResult;
import fiblab.bench.result.RunSpec;
import fiblab.bench.result.ScenarioResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the seed's peers, one after the other, each with the seed run's own spec (n, clients,
 * requests, warm-up) and the same load generator, and returns them as the {@code peers} scenario
 * of results.json, with the article's finding beside them.
 */
public record PeerRunner(Path peersDir, int warmup, Duration requestTimeout, Duration runBudget, RunOutput output) {

    public static final String SCENARIO = "peers";

    /** What the seed's article found; the report puts this machine's ratio beside it. */
    static final Article ARTICLE = new Article(
            "Express about 4× faster than Flask",
            4,
            "naive fib(30) behind each framework, 1000 requests from 10 parallel clients; Flask on its development server");

    /** Resolves every peer's runtime: throws {@link PeerUnavailableException} saying what to install. */
    public static void checkInstalled(Path peersDir) {
        for (Peer peer : Peer.values()) {
            PeerRuntime.resolve(peer, peersDir.resolve(peer.id()), System.getenv());
        }
    }

    public ScenarioResult run(SeedSpec seed) throws IOException, InterruptedException {
        List<Run> runs = new ArrayList<>();
        for (Peer peer : Peer.values()) {
            runs.add(run(peer, seed));
        }
        // The finding the article states as a ratio, measured here; the page shows it from this field.
        double flask = throughputOf(runs, Peer.FLASK);
        double express = throughputOf(runs, Peer.EXPRESS);
        Double ratio = flask > 0 && express > 0 ? Math.round(express / flask * 100) / 100.0 : null;
        return new ScenarioResult(
                SCENARIO,
                "The seed's peers (Flask, Express) under the seed run's own load, beside fiblab's inline and async paths.",
                runs,
                ARTICLE,
                ratio,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    private static double throughputOf(List<Run> runs, Peer peer) {
        return runs.stream()
                .filter(r -> peer.id().equals(r.path()) && r.ok() > 0)
                .mapToDouble(Run::throughputPerSecond)
                .findFirst()
                .orElse(0);
    }

    private Run run(Peer peer, SeedSpec seed) throws IOException, InterruptedException {
        Path logFile = output.dataDir().resolve("peer-" + peer.id() + ".log");
        try (PeerServer server = PeerServer.start(peer, peersDir, logFile, System.getenv());
                ApiClient client = new ApiClient(server.url(), requestTimeout)) {
            output.say("Peer " + peer.id() + ": " + server.runtime().versions() + " at " + server.url() + " (pid "
                    + server.pid() + ")");
            InlinePath operation = new InlinePath(client, seed.n(), seed.algorithm());
            if (warmup > 0) {
                try (ProgressListener bar = output.progress("warm-up " + peer.id(), warmup)) {
                    ClosedLoop.run(operation, seed.concurrency(), warmup, runBudget, bar);
                }
            }
            LoadRun run;
            String label =
                    SCENARIO + " " + peer.id() + " " + seed.algorithm() + " n=" + seed.n() + " c=" + seed.concurrency();
            try (ProgressListener bar = output.progress(label, seed.requests())) {
                run = ClosedLoop.run(operation, seed.concurrency(), seed.requests(), runBudget, bar);
            }
            RunSpec spec = new RunSpec(SCENARIO, peer.id(), seed.algorithm(), seed.n());
            String hdrLog = "hdr/" + spec.id(run.mode(), run.workers(), run.ratePerSecond()) + ".hlog";
            HistogramLogs.write(output.dataDir().resolve(hdrLog), run.recorder());
            return RunResult.of(spec, run, hdrLog, 0)
                    .asPeer(peer.server(), server.runtime().versions(), warmup, "data/" + logFile.getFileName());
        }
    }
}
