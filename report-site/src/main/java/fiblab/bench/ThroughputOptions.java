package fiblab.bench;

import fiblab.bench.throughput.ThroughputBench;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The throughput scenario: inline against the compute limit, submit latency as n grows, async jobs/s. */
final class ThroughputOptions {

    @Option(
            names = "--throughput-requests",
            description =
                    "Throughput: inline requests at --concurrency clients and the seed's n (default: ${DEFAULT-VALUE}).")
    int requests = 5000;

    @Option(
            names = "--throughput-warmup-seconds",
            description =
                    "Throughput: seconds of unrecorded inline load first, so the JIT has compiled the path (default: ${DEFAULT-VALUE}).")
    int warmupSeconds = 15;

    @Option(
            names = "--limit-seconds",
            description =
                    "Throughput: seconds the compute limit is counted, before and after the inline run, and seconds wrk runs"
                            + " when it is installed (default: ${DEFAULT-VALUE}).")
    int limitSeconds = 5;

    @Option(
            names = "--flatness-n",
            split = ",",
            description =
                    "Throughput: n values whose submit latency is compared, smallest first (default: ${DEFAULT-VALUE}).")
    List<Integer> flatnessN = new ArrayList<>(List.of(20, 35));

    @Option(
            names = "--flatness-rate",
            description = "Throughput: submits per second, open loop (default: ${DEFAULT-VALUE}).")
    double flatnessRate = 50;

    @Option(names = "--flatness-requests", description = "Throughput: submits per n (default: ${DEFAULT-VALUE}).")
    int flatnessRequests = 300;

    @Option(
            names = "--async-jobs",
            description =
                    "Throughput: async jobs at the seed's n from --concurrency clients, each polled as its Retry-After"
                            + " says; 0 leaves the async measurement out (default: ${DEFAULT-VALUE}).")
    int asyncJobs = 1000;

    void validate(OptionChecks check) {
        check.atLeast("--throughput-requests", requests, 1);
        check.range("--throughput-warmup-seconds", warmupSeconds, 0, 600);
        check.range("--limit-seconds", limitSeconds, 1, 600);
        check.require(
                flatnessN.size() >= 2 && flatnessN.stream().allMatch(v -> v >= 0 && v <= 50),
                "--flatness-n needs two or more n values between 0 and 50 (the async limit); were " + flatnessN);
        check.require(
                flatnessRate > 0 && flatnessRate <= 1_000,
                "--flatness-rate must be above 0 and at most 1000 per second; was " + flatnessRate);
        check.atLeast("--flatness-requests", flatnessRequests, 1);
        check.range("--async-jobs", asyncJobs, 0, 100_000);
    }

    ThroughputBench.Settings settings(SeedOptions seed) {
        return new ThroughputBench.Settings(
                seed.n,
                seed.concurrency,
                requests,
                Duration.ofSeconds(warmupSeconds),
                Duration.ofSeconds(1),
                Duration.ofSeconds(limitSeconds),
                List.copyOf(flatnessN),
                flatnessRate,
                flatnessRequests,
                asyncJobs,
                Duration.ofSeconds(seed.runBudgetS),
                Duration.ofSeconds(seed.jobTimeoutS));
    }
}
