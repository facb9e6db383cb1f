package fiblab.bench.result;

import java.util.List;

/** How the closed-loop, open-loop and sweep scenarios were run, as results.json records it. */
public record RunSettings(
        int requests,
        int concurrency,
        int n,
        int warmupPerPath,
        long pollIntervalMillis,
        long requestTimeoutSeconds,
        long jobTimeoutSeconds,
        long runBudgetSeconds,
        double openRatePerSecond,
        int openRequests,
        int openMaxInFlight,
        List<Integer> sweepN,
        int sweepNConcurrency,
        List<Integer> sweepConcurrency,
        int pointRequests,
        long pointBudgetSeconds) {}
