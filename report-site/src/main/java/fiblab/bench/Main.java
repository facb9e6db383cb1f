package fiblab.bench;

import fiblab.bench.publish.S3Clients;
import fiblab.bench.publish.SitePublisher;
import fiblab.bench.publish.SitePublisher.S3Location;
import fiblab.bench.scenario.BenchSettings;
import fiblab.bench.scenario.Scenario;
import fiblab.bench.site.RunHistory;
import fiblab.bench.site.SiteGenerator;
import fiblab.bench.stack.LocalTarget;
import fiblab.bench.stack.StackOutputs;
import fiblab.bench.stack.Target;
import fiblab.bench.stack.UrlTarget;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.s3.S3Client;

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
        abbreviateSynopsis = true,
        description = {
            "Measures the inline and the async path of the fiblab API side by side and writes a static report site.",
            "Without --url or --stack-name it starts the local stack (template.yaml) in this JVM.",
            "Default run: the seed scenario and the open loop; --sweep adds the sweep over n and concurrency and the fast algorithm.",
            "--scenario coldstart (about 1 min 45 s at the defaults) and --scenario throughput (about a minute) measure cold starts",
            "and the inline path against the machine's compute limit; list them with the others to keep them in one results file.",
            "--scenario overload (about 5.5 minutes at the defaults on 2 shared cores) offers each path multiples of its measured capacity, predicts the same",
            "steps with the queueing model and projects the model to AWS scale; --scenario polling (about a minute) compares polling policies."
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
                    "Scenarios to run: seed, open, sweep, fast, coldstart, throughput, overload, polling (repeatable or comma-separated)."
                            + " Default: seed,open.")
    List<String> scenarios = new ArrayList<>();

    @ArgGroup(validate = false, heading = "%nTarget (default: the local stack, started in this JVM)%n", order = 1)
    TargetOptions target = new TargetOptions();

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Where the site is written (default: report-site/target/site).")
    Path out;

    @ArgGroup(validate = false, heading = "%nSeed scenario and every run%n", order = 2)
    SeedOptions seed = new SeedOptions();

    @ArgGroup(validate = false, heading = "%nOpen loop%n", order = 3)
    OpenLoopOptions openLoop = new OpenLoopOptions();

    @ArgGroup(validate = false, heading = "%nSweep and fast%n", order = 4)
    SweepOptions sweep = new SweepOptions();

    @ArgGroup(validate = false, heading = "%nCold starts (--scenario coldstart)%n", order = 5)
    ColdStartOptions coldStart = new ColdStartOptions();

    @ArgGroup(validate = false, heading = "%nThroughput (--scenario throughput)%n", order = 6)
    ThroughputOptions throughput = new ThroughputOptions();

    @ArgGroup(validate = false, heading = "%nThe seed's peers%n", order = 7)
    PeersOptions peers = new PeersOptions();

    @ArgGroup(
            validate = false,
            heading = "%nOverload and polling (--scenario overload, polling; local stack only)%n",
            order = 8)
    OverloadOptions overload = new OverloadOptions();

    @Option(
            names = "--from-results",
            paramLabel = "FILE",
            description = "Only regenerate the site from an existing results.json.")
    Path fromResults;

    @Option(
            names = "--no-progress",
            description =
                    "No progress display (default: bars on a terminal, a plain line every few seconds otherwise).")
    boolean noProgress;

    @ArgGroup(validate = false, heading = "%nPublishing the site%n", order = 9)
    PublishOptions publishing = new PublishOptions();

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
        S3Location publishTo = publishing.validate(spec);
        Path siteDir = siteDir();
        Path index;
        if (fromResults != null) {
            index = SiteGenerator.generate(fromResults.toAbsolutePath(), siteDir);
            RunHistory.write(siteDir);
        } else {
            try (Target api = target(siteDir)) {
                err.println("Benchmarking " + api.description());
                err.flush();
                BenchSession session = new BenchSession(
                        api, settings(), siteDir, repositoryRoot(), ProgressBars.factory(!noProgress), err);
                Path templateFile = target.template != null
                        ? target.template
                        : repositoryRoot().resolve("template.yaml");
                if (templateFile.toFile().isFile()) {
                    session.withTemplate(templateFile.toAbsolutePath());
                }
                if (peers.peers) {
                    session.withPeers(repositoryRoot().resolve("report-site/peers"));
                }
                session.withArguments(spec.commandLine().getParseResult().originalArgs());
                session.withColdStart(coldStart.samples, coldStart.clients).withThroughput(throughput.settings(seed));
                session.withOverload(overload.settings(seed), overload.polling(seed));
                index = session.run(chosen);
            }
        }
        if (publishTo != null) {
            try (S3Client s3 = S3Clients.create(publishing.region, publishing.endpoint)) {
                int objects = new SitePublisher(s3, err).publish(siteDir, publishTo);
                err.println("Published " + objects + " objects to " + publishTo + "; the site's page is "
                        + publishTo.key("index.html") + " (with report-site/publish-template.yaml: <SiteUrl>/"
                        + publishTo.key("index.html") + ")");
                err.flush();
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
        if (sweep.sweep) {
            chosen.add(Scenario.SWEEP);
            chosen.add(Scenario.FAST);
        }
        OptionChecks check = new OptionChecks(spec.commandLine());
        peers.validate(check, chosen);
        target.validate(check);
        seed.validate(check, sweep.pointBudgetS);
        openLoop.validate(check);
        sweep.validate(check);
        coldStart.validate(check);
        throughput.validate(check);
        overload.validate(check, chosen, target);
        return chosen;
    }

    BenchSettings settings() {
        return new BenchSettings(
                seed.requests,
                seed.concurrency,
                seed.n,
                seed.warmup,
                Duration.ofMillis(seed.pollIntervalMs),
                Duration.ofSeconds(seed.requestTimeoutS),
                Duration.ofSeconds(seed.jobTimeoutS),
                Duration.ofSeconds(seed.runBudgetS),
                openLoop.rate == null ? 0 : openLoop.rate,
                openLoop.openRequests,
                openLoop.maxInFlight,
                List.copyOf(sweep.sweepN),
                sweep.sweepNConcurrency,
                List.copyOf(sweep.sweepConcurrency),
                sweep.pointRequests,
                Duration.ofSeconds(sweep.pointBudgetS));
    }

    private Target target(Path siteDir) throws Exception {
        if (target.url != null) {
            return UrlTarget.of(target.url, target.parameters);
        }
        if (target.stackName != null) {
            return StackOutputs.resolve(target.stackName, target.region);
        }
        Path templateFile =
                target.template != null ? target.template : repositoryRoot().resolve("template.yaml");
        if (!templateFile.toFile().isFile()) {
            throw new ParameterException(
                    spec.commandLine(),
                    "template not found: " + templateFile
                            + "; run from the fiblab checkout, or pass --template, --url or --stack-name");
        }
        return LocalTarget.start(
                templateFile.toAbsolutePath(), target.parameters, siteDir.resolve("data/local-stack.log"));
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
