package fiblab.bench.peers;

import fiblab.bench.http.ApiClient;
import fiblab.bench.load.ClosedLoop;
import fiblab.bench.load.LoadRun;
import fiblab.bench.load.ProgressListener;
import fiblab.bench.path.InlinePath;
import fiblab.bench.result.HistogramLogs;
import fiblab.bench.result.RunResult;
import fiblab.bench.result.RunSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Runs the seed's peers, one after the other, each with the seed run's own spec (n, clients,
 * requests, warm-up) and the same load generator, and returns them as the {@code peers} scenario
 * of results.json, with the article's finding beside them.
 */
public final class PeerRunner {

    public static final String SCENARIO = "peers";

    /** What the seed's article found; the report puts this machine's ratio beside it. */
    static final Map<String, Object> ARTICLE = Map.of(
            "finding", "Express about 4× faster than Flask",
            "expressOverFlask", 4,
            "setup",
                    "naive fib(30) behind each framework, 1000 requests from 10 parallel clients; Flask on its development server");

    private final Path peersDir;
    private final Path dataDir;
    private final int warmup;
    private final Duration requestTimeout;
    private final Duration runBudget;
    private final BiFunction<String, Integer, ProgressListener> progress;
    private final PrintWriter log;

    public PeerRunner(
            Path peersDir,
            Path dataDir,
            int warmup,
            Duration requestTimeout,
            Duration runBudget,
            BiFunction<String, Integer, ProgressListener> progress,
            PrintWriter log) {
        this.peersDir = peersDir;
        this.dataDir = dataDir;
        this.warmup = warmup;
        this.requestTimeout = requestTimeout;
        this.runBudget = runBudget;
        this.progress = progress;
        this.log = log;
    }

    /** Resolves every peer's runtime: throws {@link PeerUnavailableException} saying what to install. */
    public static void checkInstalled(Path peersDir) {
        for (Peer peer : Peer.values()) {
            PeerRuntime.resolve(peer, peersDir.resolve(peer.id()), System.getenv());
        }
    }

    public Map<String, Object> run(SeedSpec seed) throws IOException, InterruptedException {
        List<Map<String, Object>> runs = new ArrayList<>();
        for (Peer peer : Peer.values()) {
            runs.add(run(peer, seed));
        }
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", SCENARIO);
        map.put(
                "description",
                "The seed's peers (Flask, Express) under the seed run's own load, beside fiblab's inline and async paths.");
        map.put("article", ARTICLE);
        map.put("runs", runs);
        // The finding the article states as a ratio, measured here; the page shows it from this field.
        double flask = throughputOf(runs, Peer.FLASK);
        double express = throughputOf(runs, Peer.EXPRESS);
        if (flask > 0 && express > 0) {
            map.put("expressOverFlaskThroughput", Math.round(express / flask * 100) / 100.0);
        }
        return map;
    }

    private static double throughputOf(List<Map<String, Object>> runs, Peer peer) {
        return runs.stream()
                .filter(r -> peer.id().equals(r.get("path")) && ((Number) r.get("ok")).longValue() > 0)
                .mapToDouble(r -> ((Number) r.get("throughputPerSecond")).doubleValue())
                .findFirst()
                .orElse(0);
    }

    private Map<String, Object> run(Peer peer, SeedSpec seed) throws IOException, InterruptedException {
        Path logFile = dataDir.resolve("peer-" + peer.id() + ".log");
        try (PeerServer server = PeerServer.start(peer, peersDir, logFile, System.getenv());
                ApiClient client = new ApiClient(server.url(), requestTimeout)) {
            log.println("Peer " + peer.id() + ": " + server.runtime().versions() + " at " + server.url() + " (pid "
                    + server.pid() + ")");
            log.flush();
            InlinePath operation = new InlinePath(client, seed.n(), seed.algorithm());
            if (warmup > 0) {
                try (ProgressListener bar = progress.apply("warm-up " + peer.id(), warmup)) {
                    ClosedLoop.run(operation, seed.concurrency(), warmup, runBudget, bar);
                }
            }
            LoadRun run;
            String label =
                    SCENARIO + " " + peer.id() + " " + seed.algorithm() + " n=" + seed.n() + " c=" + seed.concurrency();
            try (ProgressListener bar = progress.apply(label, seed.requests())) {
                run = ClosedLoop.run(operation, seed.concurrency(), seed.requests(), runBudget, bar);
            }
            RunSpec spec = new RunSpec(SCENARIO, peer.id(), seed.algorithm(), seed.n());
            String hdrLog = "hdr/" + spec.id(run.mode(), run.workers(), run.ratePerSecond()) + ".hlog";
            HistogramLogs.write(dataDir.resolve(hdrLog), run.recorder());
            Map<String, Object> map = RunResult.toMap(spec, run, hdrLog, 0);
            map.put("server", peer.server());
            map.put("versions", server.runtime().versions());
            map.put("warmupPerPath", warmup);
            map.put("log", "data/" + logFile.getFileName());
            return map;
        }
    }
}
