package fiblab.bench;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The sweep over n across the inline limit and over concurrency at the seed's n, and the fast scenario. */
final class SweepOptions {

    @Option(
            names = "--sweep",
            description = "Also run the sweep (n across the inline limit; concurrency 1/10/50) and the fast scenario.")
    boolean sweep;

    @Option(names = "--sweep-n", split = ",", description = "Sweep and fast: n values (default: ${DEFAULT-VALUE}).")
    List<Integer> sweepN = new ArrayList<>(List.of(20, 25, 30, 35, 38, 40, 42, 43, 44, 46));

    @Option(
            names = "--sweep-n-concurrency",
            description = "Sweep over n: parallel clients (default: ${DEFAULT-VALUE}).")
    int sweepNConcurrency = 1;

    @Option(
            names = "--sweep-concurrency",
            split = ",",
            description = "Sweep over concurrency at the seed's n (default: ${DEFAULT-VALUE}).")
    List<Integer> sweepConcurrency = new ArrayList<>(List.of(1, 10, 50));

    @Option(names = "--point-requests", description = "Sweep: operations per point (default: ${DEFAULT-VALUE}).")
    int pointRequests = 50;

    @Option(
            names = "--point-budget-s",
            description = "Sweep: a point stops sending new operations after this (default: ${DEFAULT-VALUE}).")
    long pointBudgetS = 15;

    void validate(OptionChecks check) {
        check.require(
                sweepN.stream().allMatch(v -> v >= 0 && v <= 92),
                "--sweep-n values must be between 0 and 92; were " + sweepN);
        check.require(
                sweepConcurrency.stream().allMatch(v -> v >= 1 && v <= 1_000) && sweepNConcurrency >= 1,
                "sweep concurrencies must be between 1 and 1000");
        check.atLeast("--point-requests", pointRequests, 1);
    }
}
