package fiblab.bench;

import fiblab.aws.AwsClients;
import fiblab.bench.coldstart.ProbeClasspath;
import fiblab.bench.scenario.BenchSettings;
import fiblab.bench.scenario.Scenario;
import fiblab.bench.site.SiteGenerator;
import fiblab.bench.stack.LocalTarget;
import fiblab.bench.stack.StackOutputs;
import fiblab.bench.stack.Target;
import fiblab.bench.stack.UrlTarget;
import fiblab.bench.throughput.ThroughputBench;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The benchmark's command line: picks the target (the local stack by default), runs the chosen
 * scenarios, writes results.json and the HdrHistogram logs, generates the site and prints the
 * path of its index.html.
 */
@Command(
        name = "fiblab-bench",
        mixinStandardHelpOptions = true,
        version = "fiblab-bench 1.0.0",
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Measures the inline and the async path of the fiblab API side by side and writes a static report site.",
            "Without --url or --stack-name it starts the local stack (template.yaml) in this JVM.",
            "Default run: the seed scenario and the open loop; --sweep adds the sweep over n and concurrency and the fast algorithm.",
            "--scenario coldstart (about 1 min 45 s at the defaults) and --scenario throughput (about a minute) measure cold starts",
            "and the inline path against the machine's compute limit; list them with the others to keep them in one results file."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:site written", "1:the run failed (message on standard error)", "2:invalid arguments"})
public final class Main implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--scenario",
            split = ",",
            paramLabel = "NAME",
            description =
                    "Scenarios to run: seed, open, sweep, fast, coldstart, throughput (repeatable or comma-separated). Default: seed,open.")
    List<String> scenarios = new ArrayList<>();

    @Option(
            names = "--sweep",
            description = "Also run the sweep (n across the inline limit; concurrency 1/10/50) and the fast scenario.")
    boolean sweep;

    @Option(
            names = "--peers",
            description = {
                "Also run the seed's peers, Flask and Express from report-site/peers/, with the seed run's own",
                "n, clients, requests and warm-up (needs the seed scenario, python3 with flask, node). Adds about 2 minutes at the defaults."
            })
    boolean peers;

    @Option(
            names = "--url",
            paramLabel = "URL",
            description = "Benchmark the API at this base URL instead of starting the local stack.")
    URI url;

    @Option(
            names = "--stack-name",
            paramLabel = "NAME",
            description =
                    "Benchmark a deployed stack: its ApiUrl output is read with `aws cloudformation describe-stacks`.")
    String stackName;

    @Option(
            names = "--region",
            paramLabel = "REGION",
            description = "AWS region for --stack-name (default: the AWS CLI's).")
    String region;

    @Option(
            names = "--template",
            paramLabel = "FILE",
            description = "template.yaml for the local stack (default: the repository's).")
    Path template;

    @Option(
            names = {"-P", "--parameter"},
            paramLabel = "KEY=VALUE",
            description =
                    "Template parameter override for the local stack (e.g. InlineNaiveMaxN=40); with --url, recorded as stated.")
    Map<String, String> parameters = new LinkedHashMap<>();

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Where the site is written (default: report-site/target/site).")
    Path out;

    @Option(
            names = "--requests",
            defaultValue = "1000",
            description = "Seed: operations per path (default: ${DEFAULT-VALUE}).")
    int requests;

    @Option(
            names = "--concurrency",
            defaultValue = "10",
            description = "Seed: parallel clients (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--n", defaultValue = "30", description = "Seed: the Fibonacci index (default: ${DEFAULT-VALUE}).")
    int n;

    @Option(
            names = "--warmup",
            defaultValue = "100",
            description = "Unrecorded warm-up requests per path (async: a fifth) (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(
            names = "--poll-interval-ms",
            defaultValue = "10",
            description = "Async: time between status polls (default: ${DEFAULT-VALUE}).")
    long pollIntervalMs;

    @Option(
            names = "--request-timeout-s",
            defaultValue = "30",
            description = "One HTTP request, at most; 30 s is API Gateway's limit (default: ${DEFAULT-VALUE}).")
    long requestTimeoutS;

    @Option(
            names = "--job-timeout-s",
            defaultValue = "180",
            description = "Async: submit to result, at most (default: ${DEFAULT-VALUE}).")
    long jobTimeoutS;

    @Option(
            names = "--run-budget-s",
            defaultValue = "300",
            description = "A run stops sending new operations after this (default: ${DEFAULT-VALUE}).")
    long runBudgetS;

    @Option(
            names = "--rate",
            defaultValue = "100",
            description = "Open loop: operations per second (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(
            names = "--open-requests",
            defaultValue = "1000",
            description = "Open loop: operations per path (default: ${DEFAULT-VALUE}).")
    int openRequests;

    @Option(
            names = "--max-in-flight",
            defaultValue = "64",
            description = "Open loop: most operations in flight (default: ${DEFAULT-VALUE}).")
    int maxInFlight;

    @Option(
            names = "--sweep-n",
            split = ",",
            defaultValue = "20,25,30,35,38,40,42,43,44,46",
            description = "Sweep and fast: n values (default: ${DEFAULT-VALUE}).")
    List<Integer> sweepN;

    @Option(
            names = "--sweep-n-concurrency",
            defaultValue = "1",
            description = "Sweep over n: parallel clients (default: ${DEFAULT-VALUE}).")
    int sweepNConcurrency;

    @Option(
            names = "--sweep-concurrency",
            split = ",",
            defaultValue = "1,10,50",
            description = "Sweep over concurrency at the seed's n (default: ${DEFAULT-VALUE}).")
    List<Integer> sweepConcurrency;

    @Option(
            names = "--point-requests",
            defaultValue = "50",
            description = "Sweep: operations per point (default: ${DEFAULT-VALUE}).")
    int pointRequests;

    @Option(
            names = "--point-budget-s",
            defaultValue = "15",
            description = "Sweep: a point stops sending new operations after this (default: ${DEFAULT-VALUE}).")
    long pointBudgetS;

    @Option(
            names = "--cold-start-samples",
            defaultValue = "10",
            description =
                    "Coldstart: fresh JVMs per function, HTTP client and priming off/on (default: ${DEFAULT-VALUE}).")
    int coldStartSamples;

    @Option(
            names = "--cold-start-clients",
            split = ",",
            defaultValue = AwsClients.URL_CONNECTION + "," + AwsClients.CRT,
            description = "Coldstart: SDK HTTP clients to compare (default: ${DEFAULT-VALUE}).")
    List<String> coldStartClients;

    @Option(
            names = "--throughput-requests",
            defaultValue = "5000",
            description =
                    "Throughput: inline requests at --concurrency clients and the seed's n (default: ${DEFAULT-VALUE}).")
    int throughputRequests;

    @Option(
            names = "--throughput-warmup-seconds",
            defaultValue = "15",
            description =
                    "Throughput: seconds of unrecorded inline load first, so the JIT has compiled the path (default: ${DEFAULT-VALUE}).")
    int throughputWarmupSeconds;

    @Option(
            names = "--limit-seconds",
            defaultValue = "5",
            description =
                    "Throughput: seconds the compute limit is counted, before and after the inline run, and seconds wrk runs"
                            + " when it is installed (default: ${DEFAULT-VALUE}).")
    int limitSeconds;

    @Option(
            names = "--flatness-n",
            split = ",",
            defaultValue = "20,35",
            description =
                    "Throughput: n values whose submit latency is compared, smallest first (default: ${DEFAULT-VALUE}).")
    List<Integer> flatnessN;

    @Option(
            names = "--flatness-rate",
            defaultValue = "50",
            description = "Throughput: submits per second, open loop (default: ${DEFAULT-VALUE}).")
    double flatnessRate;

    @Option(
            names = "--flatness-requests",
            defaultValue = "300",
            description = "Throughput: submits per n (default: ${DEFAULT-VALUE}).")
    int flatnessRequests;

    @Option(
            names = "--from-results",
            paramLabel = "FILE",
            description = "Only regenerate the site from an existing results.json.")
    Path fromResults;

    @Option(names = "--no-progress", description = "No progress bars.")
    boolean noProgress;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command and returns its exit code. */
    public static int execute(String... args) {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs the command with the given output streams and returns its exit code; tests call this. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        return new CommandLine(new Main())
                .setOut(out)
                .setErr(err)
                .setParameterExceptionHandler((e, args1) -> {
                    CommandLine commandLine = e.getCommandLine();
                    commandLine.getErr().println("error: " + e.getMessage());
                    commandLine.getErr().println("Run fiblab-bench --help for the options and their ranges.");
                    commandLine.getErr().flush();
                    return 2;
                })
                .setExecutionExceptionHandler((e, commandLine, parseResult) -> {
                    commandLine.getErr().println("error: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
                    commandLine.getErr().flush();
                    return 1;
                })
                .execute(args);
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outWriter = spec.commandLine().getOut();
        Set<Scenario> chosen = validate();
        Path siteDir = siteDir();
        Path index;
        if (fromResults != null) {
            index = SiteGenerator.generate(fromResults.toAbsolutePath(), siteDir);
        } else {
            try (Target target = target(siteDir)) {
                err.println("Benchmarking " + target.description());
                err.flush();
                BenchSession session = new BenchSession(
                        target, settings(), siteDir, repositoryRoot(), ProgressBars.factory(!noProgress), err);
                Path templateFile =
                        template != null ? template : repositoryRoot().resolve("template.yaml");
                if (templateFile.toFile().isFile()) {
                    session.withTemplate(templateFile.toAbsolutePath());
                }
                if (peers) {
                    session.withPeers(repositoryRoot().resolve("report-site/peers"));
                }
                session.withColdStart(coldStartSamples, coldStartClients).withThroughput(throughputSettings());
                index = session.run(chosen);
            }
        }
        outWriter.println(index.toAbsolutePath());
        outWriter.flush();
        return 0;
    }

    private Set<Scenario> validate() {
        Set<Scenario> chosen = new LinkedHashSet<>();
        try {
            scenarios.forEach(name -> chosen.add(Scenario.parse(name)));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--scenario: " + e.getMessage());
        }
        if (chosen.isEmpty()) {
            chosen.add(Scenario.SEED);
            chosen.add(Scenario.OPEN);
        }
        if (sweep) {
            chosen.add(Scenario.SWEEP);
            chosen.add(Scenario.FAST);
        }
        require(
                !peers || chosen.contains(Scenario.SEED),
                "--peers runs the peers with the seed run's own spec: add the seed scenario");
        require(url == null || stackName == null, "--url and --stack-name exclude each other: give one");
        require(
                url == null
                        || ("http".equals(url.getScheme()) || "https".equals(url.getScheme())) && url.getHost() != null,
                "--url must be an http(s) URL with a host, e.g. http://127.0.0.1:3000; was " + url);
        require(requests >= 1, "--requests must be at least 1; was " + requests);
        require(
                concurrency >= 1 && concurrency <= 1_000,
                "--concurrency must be between 1 and 1000; was " + concurrency);
        require(n >= 0 && n <= 92, "--n must be between 0 and 92 (naive results must fit a long); was " + n);
        require(warmup >= 0, "--warmup must be 0 or more; was " + warmup);
        require(pollIntervalMs >= 1, "--poll-interval-ms must be at least 1; was " + pollIntervalMs);
        require(
                requestTimeoutS >= 1 && jobTimeoutS >= 1 && runBudgetS >= 1 && pointBudgetS >= 1,
                "timeouts and budgets must be at least 1 s");
        require(rate > 0 && rate <= 100_000, "--rate must be above 0 and at most 100000 per second; was " + rate);
        require(openRequests >= 1, "--open-requests must be at least 1; was " + openRequests);
        require(
                maxInFlight >= 1 && maxInFlight <= 1_000,
                "--max-in-flight must be between 1 and 1000; was " + maxInFlight);
        require(
                sweepN.stream().allMatch(v -> v >= 0 && v <= 92),
                "--sweep-n values must be between 0 and 92; were " + sweepN);
        require(
                sweepConcurrency.stream().allMatch(v -> v >= 1 && v <= 1_000) && sweepNConcurrency >= 1,
                "sweep concurrencies must be between 1 and 1000");
        require(pointRequests >= 1, "--point-requests must be at least 1; was " + pointRequests);
        require(
                coldStartSamples >= 1 && coldStartSamples <= 1_000,
                "--cold-start-samples must be between 1 and 1000; was " + coldStartSamples);
        require(
                !coldStartClients.isEmpty() && ProbeClasspath.CLIENTS.containsAll(coldStartClients),
                "--cold-start-clients must name one or more of " + String.join(", ", ProbeClasspath.CLIENTS) + "; was "
                        + coldStartClients);
        require(throughputRequests >= 1, "--throughput-requests must be at least 1; was " + throughputRequests);
        require(
                throughputWarmupSeconds >= 0 && throughputWarmupSeconds <= 600,
                "--throughput-warmup-seconds must be between 0 and 600; was " + throughputWarmupSeconds);
        require(
                limitSeconds >= 1 && limitSeconds <= 600,
                "--limit-seconds must be between 1 and 600; was " + limitSeconds);
        require(
                flatnessN.size() >= 2 && flatnessN.stream().allMatch(v -> v >= 0 && v <= 50),
                "--flatness-n needs two or more n values between 0 and 50 (the async limit); were " + flatnessN);
        require(
                flatnessRate > 0 && flatnessRate <= 1_000,
                "--flatness-rate must be above 0 and at most 1000 per second; was " + flatnessRate);
        require(flatnessRequests >= 1, "--flatness-requests must be at least 1; was " + flatnessRequests);
        return chosen;
    }

    private void require(boolean condition, String message) {
        if (!condition) {
            throw new ParameterException(spec.commandLine(), message);
        }
    }

    BenchSettings settings() {
        return new BenchSettings(
                requests,
                concurrency,
                n,
                warmup,
                Duration.ofMillis(pollIntervalMs),
                Duration.ofSeconds(requestTimeoutS),
                Duration.ofSeconds(jobTimeoutS),
                Duration.ofSeconds(runBudgetS),
                rate,
                openRequests,
                maxInFlight,
                List.copyOf(sweepN),
                sweepNConcurrency,
                List.copyOf(sweepConcurrency),
                pointRequests,
                Duration.ofSeconds(pointBudgetS));
    }

    ThroughputBench.Settings throughputSettings() {
        return new ThroughputBench.Settings(
                n,
                concurrency,
                throughputRequests,
                Duration.ofSeconds(throughputWarmupSeconds),
                Duration.ofSeconds(1),
                Duration.ofSeconds(limitSeconds),
                List.copyOf(flatnessN),
                flatnessRate,
                flatnessRequests,
                Duration.ofSeconds(runBudgetS),
                Duration.ofSeconds(jobTimeoutS));
    }

    private Target target(Path siteDir) throws Exception {
        if (url != null) {
            return UrlTarget.of(url, parameters);
        }
        if (stackName != null) {
            return StackOutputs.resolve(stackName, region);
        }
        Path templateFile = template != null ? template : repositoryRoot().resolve("template.yaml");
        if (!templateFile.toFile().isFile()) {
            throw new ParameterException(
                    spec.commandLine(),
                    "template not found: " + templateFile
                            + "; run from the fiblab checkout, or pass --template, --url or --stack-name");
        }
        return LocalTarget.start(templateFile.toAbsolutePath(), parameters, siteDir.resolve("data/local-stack.log"));
    }

    private Path siteDir() {
        if (out != null) {
            return out.toAbsolutePath();
        }
        return RepositoryPaths.root()
                .map(root -> root.resolve("report-site/target/site"))
                .orElse(Path.of("target/site").toAbsolutePath());
    }

    private Path repositoryRoot() {
        return RepositoryPaths.root().orElse(Path.of("").toAbsolutePath());
    }
}
