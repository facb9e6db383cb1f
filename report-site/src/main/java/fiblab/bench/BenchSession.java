package fiblab.bench;

import fiblab.bench.coldstart.ColdStartBench;
import fiblab.bench.coldstart.ProbeClasspath;
import fiblab.bench.cost.CostReport;
import fiblab.bench.cost.PriceList;
import fiblab.bench.cost.WorstCaseSpend;
import fiblab.bench.http.ApiClient;
import fiblab.bench.load.ProgressListener;
import fiblab.bench.load.RunOutput;
import fiblab.bench.overload.ModelValidation;
import fiblab.bench.peers.PeerRunner;
import fiblab.bench.peers.SeedSpec;
import fiblab.bench.result.ColdStart;
import fiblab.bench.result.CommandLine;
import fiblab.bench.result.Cost;
import fiblab.bench.result.Environment;
import fiblab.bench.result.EnvironmentInfo;
import fiblab.bench.result.Results;
import fiblab.bench.result.ResultsJson;
import fiblab.bench.result.Run;
import fiblab.bench.result.ScenarioResult;
import fiblab.bench.result.TargetInfo;
import fiblab.bench.result.WorstCase;
import fiblab.bench.scenario.BenchRunner;
import fiblab.bench.scenario.BenchSettings;
import fiblab.bench.scenario.OverloadBench;
import fiblab.bench.scenario.Scenario;
import fiblab.bench.site.RunHistory;
import fiblab.bench.site.SiteGenerator;
import fiblab.bench.stack.LocalTarget;
import fiblab.bench.stack.Target;
import fiblab.bench.throughput.ThroughputBench;
import fiblab.local.template.SamTemplate;
import fiblab.local.template.TemplateException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * One benchmark session against one target: overhead probe, warm-up, the chosen scenarios, then
 * results.json (with the environment) and the site generated from it.
 */
final class BenchSession {

    private final Target target;
    private final BenchSettings settings;
    private final Path siteDir;
    private final Path repository;
    private final BiFunction<String, Integer, ProgressListener> progress;
    private final PrintWriter log;
    private Path peersDir;
    private Path template;
    private int coldStartSamples = 10;
    private List<String> coldStartClients = ProbeClasspath.CLIENTS;
    private ThroughputBench.Settings throughput;
    private OverloadBench.Settings overload;
    private OverloadBench.PollingSettings polling;
    private List<String> arguments = List.of();

    BenchSession(
            Target target,
            BenchSettings settings,
            Path siteDir,
            Path repository,
            BiFunction<String, Integer, ProgressListener> progress,
            PrintWriter log) {
        this.target = target;
        this.settings = settings;
        this.siteDir = siteDir;
        this.repository = repository;
        this.progress = progress;
        this.log = log;
    }

    /** Also runs the seed's peers (Flask, Express, from {@code peersDir}) after the seed, with its spec. */
    BenchSession withPeers(Path peersDir) {
        this.peersDir = peersDir;
        return this;
    }

    /** Cold starts: samples per configuration and the HTTP clients to compare. */
    BenchSession withColdStart(int samples, List<String> clients) {
        this.coldStartSamples = samples;
        this.coldStartClients = List.copyOf(clients);
        return this;
    }

    /** How the throughput scenario runs. */
    BenchSession withThroughput(ThroughputBench.Settings throughput) {
        this.throughput = throughput;
        return this;
    }

    /** How the overload scenario (with the model's validation and projection) and the polling comparison run. */
    BenchSession withOverload(OverloadBench.Settings overload, OverloadBench.PollingSettings polling) {
        this.overload = overload;
        this.polling = polling;
        return this;
    }

    /** The arguments the benchmark was started with, recorded so that a reader can run it again. */
    BenchSession withArguments(List<String> arguments) {
        this.arguments = List.copyOf(arguments);
        return this;
    }

    /** The template whose memory size and batch size the cost estimate reads; none: no cost section. */
    BenchSession withTemplate(Path template) {
        this.template = template;
        return this;
    }

    Path run(Iterable<Scenario> scenarios) throws IOException, InterruptedException {
        if (peersDir != null) {
            PeerRunner.checkInstalled(peersDir); // a missing python3, flask or node fails now, not after the benchmark
        }
        Path dataDir = siteDir.resolve("data");
        Files.createDirectories(dataDir);
        RunOutput output = new RunOutput(dataDir, progress, log);
        CommandLine commandLine = CommandLineRecord.of(arguments);
        Environment environment = EnvironmentInfo.collect(repository);
        Run overhead;
        ColdStart coldStart = null;
        List<ScenarioResult> scenarioResults = new ArrayList<>();
        double openRateUsed = settings.openRate();
        try (ApiClient client = new ApiClient(target.apiUrl(), settings.requestTimeout(), target.signer())) {
            BenchRunner runner = new BenchRunner(client, settings, output);
            say("Measuring the load generator's overhead (no-work route)");
            overhead = runner.overhead();
            say("Warming up");
            runner.warmUp();
            for (Scenario scenario : scenarios) {
                say("Scenario " + scenario.id() + ": " + scenario.description());
                if (scenario == Scenario.COLDSTART) {
                    coldStart = coldStart(dataDir);
                } else if (scenario == Scenario.THROUGHPUT) {
                    scenarioResults.add(new ThroughputBench(client, throughput, output).run());
                } else if (scenario == Scenario.OVERLOAD || scenario == Scenario.POLLING) {
                    scenarioResults.add(overloadOrPolling(scenario));
                } else {
                    scenarioResults.add(runner.run(scenario));
                }
            }
            openRateUsed = runner.openRateUsed();
        }
        Optional<ScenarioResult> seed = scenarioResults.stream()
                .filter(s -> Scenario.SEED.id().equals(s.name()))
                .findFirst();
        if (peersDir != null && seed.isPresent()) {
            say("Peers: Flask and Express with the seed's own spec");
            scenarioResults.add(
                    new PeerRunner(peersDir, settings.warmup(), settings.requestTimeout(), settings.runBudget(), output)
                            .run(SeedSpec.of(seed.get())));
        }
        Cost cost = null;
        if (template != null && seed.isPresent()) {
            try {
                cost = CostReport.of(seed.get(), SamTemplate.load(template, target.parameters()), PriceList.load());
            } catch (TemplateException | IllegalArgumentException e) {
                say("No cost estimate: " + e.getMessage());
            }
        }
        WorstCase worstCase = null;
        if (template != null && target instanceof LocalTarget local) { // --url, --stack-name: no template at hand
            try {
                worstCase = WorstCaseSpend.of(template, local.overrides(), PriceList.load());
            } catch (TemplateException | IllegalArgumentException e) {
                say("No worst-case spend: " + e.getMessage());
            }
        }
        Results results = new Results(
                ResultsJson.SCHEMA,
                commandLine,
                environment,
                targetInfo(),
                settings.record(openRateUsed),
                overhead,
                coldStart,
                scenarioResults,
                cost,
                worstCase,
                Instant.now().toString());
        Path resultsFile = dataDir.resolve("results.json");
        ResultsJson.write(resultsFile, results);
        say("Results: " + resultsFile);
        Path index = SiteGenerator.generate(resultsFile, siteDir);
        say("This run is kept in " + RunHistory.keep(siteDir) + "; all runs: " + siteDir.resolve("history.html"));
        return index;
    }

    private ColdStart coldStart(Path dataDir) throws IOException, InterruptedException {
        if (!(target instanceof LocalTarget local)) {
            throw new IllegalArgumentException(
                    "the coldstart scenario starts the functions in fresh local JVMs against the local "
                            + "stack's servers: run it without --url or --stack-name");
        }
        Path work = Files.createTempDirectory("fiblab-coldstart-");
        return new ColdStartBench(local.stack(), repository.resolve("events"), work, log)
                .run(coldStartSamples, coldStartClients);
    }

    /** Both run against the local stack only: they offer load far past what a deployed stack's limits allow. */
    private ScenarioResult overloadOrPolling(Scenario scenario) throws InterruptedException {
        if (!(target instanceof LocalTarget) || template == null) {
            throw new IllegalArgumentException("the " + scenario.id() + " scenario offers load past the deployed limits"
                    + " and reads the local stack's limits from its template: run it without --url or --stack-name");
        }
        if (scenario == Scenario.POLLING) {
            return OverloadBench.polling(target.apiUrl(), polling, log);
        }
        ModelValidation.Stack stack = OverloadBench.stack(
                SamTemplate.load(template, target.parameters()),
                Runtime.getRuntime().availableProcessors());
        return OverloadBench.overload(target.apiUrl(), target.description(), overload, stack, log);
    }

    private TargetInfo targetInfo() {
        List<String> logs = new ArrayList<>();
        for (String log : List.of("local-stack.log", LocalTarget.FUNCTION_OUTPUT_LOG)) {
            if ("local".equals(target.kind())
                    && Files.exists(siteDir.resolve("data").resolve(log))) {
                logs.add("data/" + log);
            }
        }
        return new TargetInfo(
                target.kind(),
                target.description(),
                target.apiUrl().toString(),
                new TreeMap<>(target.parameters()),
                logs);
    }

    private void say(String line) {
        log.println(line);
        log.flush();
    }
}
