package fiblab.bench.overload;

import fiblab.bench.stack.LocalTarget;
import fiblab.bench.stack.Target;
import fiblab.fib.Algorithm;
import fiblab.job.CostModel;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the polling-policy comparison against the local stack from the command line, until the
 * report page takes it in:
 * {@code java -cp report-site/target/fiblab-bench.jar fiblab.bench.overload.PollingCommand [n,…] [jobsPerPolicy] [rate]}
 * (defaults 30,40,42; 20 jobs per policy; the rate below). The policies' jobs are interleaved in one schedule (see
 * {@link PollingComparison}); the submit rate per n is 4 jobs/s or 80 % of what the local worker's
 * 2 batches finish by the functions' cost model, whichever is lower, so that the backlog stays
 * short. Policies: honour Retry-After, every 1 s (what the API said before Retry-After depended
 * on n), every 10 ms, every 250 ms, backoff from 50 ms doubling to 2 s, and, where it differs from
 * 1 s, a first poll after the job's expected compute time.
 */
public final class PollingCommand {

    static final double MAX_RATE = 4;

    private PollingCommand() {}

    public static void main(String[] args) throws Exception {
        List<Integer> ns = args.length > 0
                ? Arrays.stream(args[0].split(",")).map(Integer::parseInt).toList()
                : List.of(30, 40, 42);
        int jobs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Double fixedRate = args.length > 2 ? Double.valueOf(args[2]) : null;
        long started = System.nanoTime();
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        try (Target target = LocalTarget.start(
                Path.of("template.yaml"), Map.of(), Path.of("report-site", "target", "polling", "local-stack.log"))) {
            // warm the functions' JIT before the first policy is measured
            PollingComparison.run(
                    target.apiUrl(),
                    30,
                    20,
                    100,
                    List.of(new PollingPolicy.FixedInterval(Duration.ofMillis(250))),
                    Duration.ofSeconds(60));
            System.err.println("n rate/s policy | jobs done | p50 ms | p99 ms | API requests per job"
                    + " | polls' $ per million jobs on AWS");
            for (int n : ns) {
                double rate = fixedRate != null ? fixedRate : rate(n);
                for (PollingComparison.Result r :
                        PollingComparison.run(target.apiUrl(), n, rate, jobs, policies(n), Duration.ofSeconds(120))) {
                    System.err.printf(
                            Locale.ROOT,
                            "%d %.2f %s | %d/%d | %.0f | %.0f | %.2f | %.2f%n",
                            n,
                            rate,
                            r.policy(),
                            r.done(),
                            r.jobs(),
                            r.p50Millis(),
                            r.p99Millis(),
                            r.requestsPerJob(),
                            r.pollCostPerMillionJobsUsd());
                }
            }
        }
        System.err.printf(
                Locale.ROOT,
                "took %.0f s; load average %.1f before, %.1f after%n",
                (System.nanoTime() - started) / 1e9,
                loadBefore,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    static List<PollingPolicy> policies(int n) {
        List<PollingPolicy> policies = new ArrayList<>(List.of(
                new PollingPolicy.HonourRetryAfter(Duration.ofSeconds(1)),
                new PollingPolicy.FixedInterval(Duration.ofSeconds(1)),
                new PollingPolicy.FixedInterval(Duration.ofMillis(10)),
                new PollingPolicy.FixedInterval(Duration.ofMillis(250)),
                new PollingPolicy.ExponentialBackoff(Duration.ofMillis(50), 2, Duration.ofSeconds(2))));
        long expected = CostModel.MEASURED.estimateMillis(Algorithm.NAIVE, n) / 1000;
        if (expected > 1) {
            policies.add(new PollingPolicy.FirstDelay(Duration.ofSeconds(expected)));
        }
        return policies;
    }

    /** 4 jobs/s, or 80 % of what 2 batches finish at the cost model's time per job, whichever is lower. */
    static double rate(int n) {
        double perJobSeconds = Math.max(1, CostModel.MEASURED.estimateMillis(Algorithm.NAIVE, n)) / 1000.0;
        return Math.min(MAX_RATE, 0.8 * 2 / perJobSeconds);
    }
}
