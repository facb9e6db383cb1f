package fiblab.bench;

import picocli.CommandLine.Option;

/** The open loop: a fixed schedule of operations, whatever the server does. */
final class OpenLoopOptions {

    @Option(
            names = "--rate",
            description =
                    "Open loop: operations per second, for both paths (default: 0.5 x the slower path's closed-loop"
                            + " throughput in the seed run of this session, or in a short probe when the seed does not run first).")
    Double rate;

    @Option(names = "--open-requests", description = "Open loop: operations per path (default: ${DEFAULT-VALUE}).")
    int openRequests = 1000;

    @Option(
            names = "--max-in-flight",
            description = "Open loop: most operations in flight (default: ${DEFAULT-VALUE}).")
    int maxInFlight = 64;

    void validate(OptionChecks check) {
        check.require(
                rate == null || rate > 0 && rate <= 100_000,
                "--rate must be above 0 and at most 100000 per second; was " + rate);
        check.atLeast("--open-requests", openRequests, 1);
        check.range("--max-in-flight", maxInFlight, 1, 1_000);
    }
}
