package fiblab.bench.overload;

import fiblab.bench.stack.LocalTarget;
import fiblab.bench.stack.Target;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the polling-policy comparison against the local stack from the command line, until the
 * report page takes it in:
 * {@code java -cp report-site/target/fiblab-bench.jar fiblab.bench.overload.PollingCommand [n,…] [jobs] [rate]}
 * (defaults 30,40; 40 jobs; 4 jobs/s). Policies: honour Retry-After, every 10 ms, every 250 ms,
 * backoff from 50 ms doubling to 2 s.
 */
public final class PollingCommand {

    private PollingCommand() {}

    public static void main(String[] args) throws Exception {
        List<Integer> ns = args.length > 0
                ? Arrays.stream(args[0].split(",")).map(Integer::parseInt).toList()
                : List.of(30, 40);
        int jobs = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        double rate = args.length > 2 ? Double.parseDouble(args[2]) : 4;
        List<PollingPolicy> policies = List.of(
                new PollingPolicy.HonourRetryAfter(Duration.ofSeconds(1)),
                new PollingPolicy.FixedInterval(Duration.ofMillis(10)),
                new PollingPolicy.FixedInterval(Duration.ofMillis(250)),
                new PollingPolicy.ExponentialBackoff(Duration.ofMillis(50), 2, Duration.ofSeconds(2)));
        try (Target target = LocalTarget.start(
                Path.of("template.yaml"), Map.of(), Path.of("report-site", "target", "polling", "local-stack.log"))) {
            // warm the functions' JIT before the first policy is measured
            PollingComparison.run(target.apiUrl(), 30, 20, 200, List.of(policies.get(1)), Duration.ofSeconds(60));
            System.err.println(
                    "n policy | jobs done | p50 ms | p99 ms | API requests per job | polls' $ per million jobs");
            for (int n : ns) {
                for (PollingComparison.Result r :
                        PollingComparison.run(target.apiUrl(), n, rate, jobs, policies, Duration.ofSeconds(120))) {
                    System.err.printf(
                            Locale.ROOT,
                            "%d %s | %d/%d | %.0f | %.0f | %.2f | %.2f%n",
                            n,
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
    }
}
