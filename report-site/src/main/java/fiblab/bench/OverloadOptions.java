package fiblab.bench;

import fiblab.bench.overload.OverloadRunner;
import fiblab.bench.scenario.OverloadBench;
import fiblab.bench.scenario.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * The overload scenario (steps at multiples of each path's measured capacity, the model's validation
 * and its AWS-scale projection) and the polling comparison; both use the seed's n and a client patience.
 */
final class OverloadOptions {

    @Option(
            names = "--overload-multiples",
            split = ",",
            paramLabel = "X",
            description =
                    "Overload: offered load as multiples of each path's measured capacity (default: ${DEFAULT-VALUE}).")
    List<Double> multiples = new ArrayList<>(List.of(0.5, 1.0, 1.5, 2.0, 3.0));

    @Option(
            names = "--overload-seconds",
            paramLabel = "S",
            split = ",",
            description = {
                "Overload: seconds of each step, of the unrecorded warm-up before the capacity probes, and of the inline",
                "capacity probe (default: ${DEFAULT-VALUE})."
            })
    List<Double> seconds = new ArrayList<>(List.of(10.0, 15.0, 5.0));

    @Option(
            names = "--patience-s",
            paramLabel = "S",
            description = {
                "Overload and polling: a client's patience from its request's or job's intended send; a later answer",
                "counts as a timeout (default: ${DEFAULT-VALUE})."
            })
    double patienceSeconds = 30;

    @Option(
            names = "--projection-n",
            split = ",",
            paramLabel = "N",
            description = "Overload: n values the validated model projects to AWS scale (default: ${DEFAULT-VALUE}).")
    List<Integer> projectionN = new ArrayList<>(List.of(30, 40, 42));

    @Option(
            names = "--projection-rates",
            split = ",",
            paramLabel = "PER_S",
            description = "Overload: offered loads projected, requests per second (default: ${DEFAULT-VALUE}).")
    List<Double> projectionRates = new ArrayList<>(List.of(10.0, 100.0, 1_000.0, 10_000.0, 100_000.0));

    @Option(names = "--polling-n", split = ",", description = "Polling: n values compared (default: the seed's --n).")
    List<Integer> pollingN = new ArrayList<>();

    @Option(
            names = "--polling-jobs",
            paramLabel = "JOBS",
            description = {
                "Polling: jobs per policy and n, submitted open loop at --polling-rate per second",
                "(default: ${DEFAULT-VALUE})."
            })
    int pollingJobs = 40;

    @Option(
            names = "--polling-rate",
            paramLabel = "PER_S",
            description = "Polling: jobs per second (default: ${DEFAULT-VALUE}).")
    double pollingRate = 4;

    void validate(OptionChecks check, Set<Scenario> scenarios, TargetOptions target) {
        check.require(
                !(scenarios.contains(Scenario.OVERLOAD) || scenarios.contains(Scenario.POLLING))
                        || target.url == null && target.stackName == null,
                "--scenario overload and polling offer load past a deployed stack's limits: run them on the local stack"
                        + " (without --url or --stack-name)");
        check.require(
                !multiples.isEmpty() && multiples.stream().allMatch(m -> m > 0 && m <= 20),
                "--overload-multiples must be above 0 and at most 20; were " + multiples);
        check.require(
                seconds.size() == 3
                        && seconds.get(0) >= 1
                        && seconds.get(1) >= 0
                        && seconds.get(2) >= 1
                        && seconds.stream().allMatch(s -> s <= 600),
                "--overload-seconds takes three values, STEP,WARMUP,PROBE: step and probe 1 to 600 s, warm-up 0 to 600 s;"
                        + " were " + seconds);
        check.require(
                patienceSeconds >= 1 && patienceSeconds <= 600,
                "--patience-s must be between 1 and 600; was " + patienceSeconds);
        check.allInRange("--projection-n", projectionN, 0, 50);
        check.require(
                !projectionRates.isEmpty() && projectionRates.stream().allMatch(r -> r > 0 && r <= 100_000),
                "--projection-rates must be above 0 and at most 100000 per second; were " + projectionRates);
        check.require(
                pollingN.stream().allMatch(v -> v >= 0 && v <= 50),
                "--polling-n values must be between 0 and 50 (the async limit); were " + pollingN);
        check.range("--polling-jobs", pollingJobs, 1, 10_000);
        check.require(
                pollingRate > 0 && pollingRate <= 1_000,
                "--polling-rate must be above 0 and at most 1000 per second; was " + pollingRate);
    }

    OverloadBench.Settings settings(SeedOptions seed) {
        OverloadRunner.Settings defaults = OverloadRunner.Settings.defaults(seed.n);
        Duration patience = Duration.ofMillis(Math.round(patienceSeconds * 1000));
        return new OverloadBench.Settings(
                new OverloadRunner.Settings(
                        seed.n,
                        List.copyOf(multiples),
                        seconds.get(0),
                        patience,
                        patience,
                        defaults.maxInFlight(),
                        seconds.get(2),
                        defaults.probeClients(),
                        defaults.probeJobs(),
                        defaults.pollingPolicy(),
                        defaults.pollThreads(),
                        defaults.pauseSeconds(),
                        seconds.get(1)),
                List.copyOf(projectionN),
                List.copyOf(projectionRates));
    }

    OverloadBench.PollingSettings polling(SeedOptions seed) {
        return new OverloadBench.PollingSettings(
                pollingN.isEmpty() ? List.of(seed.n) : List.copyOf(pollingN),
                pollingRate,
                pollingJobs,
                Duration.ofMillis(Math.round(patienceSeconds * 1000)));
    }
}
