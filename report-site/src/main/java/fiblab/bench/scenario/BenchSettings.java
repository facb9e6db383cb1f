package fiblab.bench.scenario;

import fiblab.bench.result.RunSettings;
import java.time.Duration;
import java.util.List;

/**
 * How the scenarios are run; every number here is written into results.json so that a reader
 * can see how the measurements were taken.
 *
 * @param requests          seed (and fast at the seed's shape): operations per path
 * @param concurrency       seed: closed-loop clients
 * @param n                 seed: the Fibonacci index
 * @param warmup            operations per path sent before measuring, not recorded
 * @param pollInterval      async: time between status requests
 * @param requestTimeout    one HTTP request; 30 s mirrors API Gateway's integration limit
 * @param jobTimeout        async: submit to result, at most
 * @param runBudget         any one run stops sending new operations after this
 * @param openRate          open loop: operations per second; 0: derived in the session ({@link OpenLoopRate})
 * @param openRequests      open loop: operations per path
 * @param openMaxInFlight   open loop: the most operations in flight at once
 * @param sweepN            sweep and fast: the n values
 * @param sweepNConcurrency sweep over n: clients
 * @param sweepConcurrency  sweep over concurrency (at the seed's n): clients
 * @param pointRequests     sweep: operations per point (at least one per client)
 * @param pointBudget       sweep: a point stops sending new operations after this
 */
public record BenchSettings(
        int requests,
        int concurrency,
        int n,
        int warmup,
        Duration pollInterval,
        Duration requestTimeout,
        Duration jobTimeout,
        Duration runBudget,
        double openRate,
        int openRequests,
        int openMaxInFlight,
        List<Integer> sweepN,
        int sweepNConcurrency,
        List<Integer> sweepConcurrency,
        int pointRequests,
        Duration pointBudget) {

    /** These settings as results.json records them. */
    public RunSettings record() {
        return record(openRate);
    }

    /** These settings as results.json records them, with the open loop's rate as the session chose it. */
    public RunSettings record(double openRateUsed) {
        return new RunSettings(
                requests,
                concurrency,
                n,
                warmup,
                pollInterval.toMillis(),
                requestTimeout.toSeconds(),
                jobTimeout.toSeconds(),
                runBudget.toSeconds(),
                openRateUsed,
                openRequests,
                openMaxInFlight,
                sweepN,
                sweepNConcurrency,
                sweepConcurrency,
                pointRequests,
                pointBudget.toSeconds());
    }
}
