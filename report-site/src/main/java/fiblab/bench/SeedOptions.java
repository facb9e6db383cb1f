package fiblab.bench;

import picocli.CommandLine.Option;

/** The seed experiment's load shape, and the timeouts every run shares. */
final class SeedOptions {

    @Option(names = "--requests", description = "Seed: operations per path (default: ${DEFAULT-VALUE}).")
    int requests = 1000;

    @Option(names = "--concurrency", description = "Seed: parallel clients (default: ${DEFAULT-VALUE}).")
    int concurrency = 10;

    @Option(names = "--n", description = "Seed: the Fibonacci index (default: ${DEFAULT-VALUE}).")
    int n = 30;

    @Option(
            names = "--warmup",
            description = "Unrecorded warm-up requests per path (async: a fifth) (default: ${DEFAULT-VALUE}).")
    int warmup = 100;

    @Option(names = "--poll-interval-ms", description = "Async: time between status polls (default: ${DEFAULT-VALUE}).")
    long pollIntervalMs = 10;

    @Option(
            names = "--request-timeout-s",
            description = "One HTTP request, at most; 30 s is API Gateway's limit (default: ${DEFAULT-VALUE}).")
    long requestTimeoutS = 30;

    @Option(names = "--job-timeout-s", description = "Async: submit to result, at most (default: ${DEFAULT-VALUE}).")
    long jobTimeoutS = 180;

    @Option(
            names = "--run-budget-s",
            description = "A run stops sending new operations after this (default: ${DEFAULT-VALUE}).")
    long runBudgetS = 300;

    void validate(OptionChecks check, long pointBudgetS) {
        check.atLeast("--requests", requests, 1);
        check.range("--concurrency", concurrency, 1, 1_000);
        check.require(n >= 0 && n <= 92, "--n must be between 0 and 92 (naive results must fit a long); was " + n);
        check.require(warmup >= 0, "--warmup must be 0 or more; was " + warmup);
        check.atLeast("--poll-interval-ms", pollIntervalMs, 1);
        check.require(
                requestTimeoutS >= 1 && jobTimeoutS >= 1 && runBudgetS >= 1 && pointBudgetS >= 1,
                "timeouts and budgets must be at least 1 s");
    }
}
