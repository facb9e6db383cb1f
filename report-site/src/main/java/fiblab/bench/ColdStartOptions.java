package fiblab.bench;

import fiblab.aws.AwsClients;
import fiblab.bench.coldstart.ProbeClasspath;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The cold-start scenario: fresh JVMs per function, HTTP client and priming setting. */
final class ColdStartOptions {

    @Option(
            names = "--cold-start-samples",
            description =
                    "Coldstart: fresh JVMs per function, HTTP client and priming off/on (default: ${DEFAULT-VALUE}).")
    int samples = 10;

    @Option(
            names = "--cold-start-clients",
            split = ",",
            description = "Coldstart: SDK HTTP clients to compare (default: ${DEFAULT-VALUE}).")
    List<String> clients = new ArrayList<>(List.of(AwsClients.URL_CONNECTION, AwsClients.CRT));

    void validate(OptionChecks check) {
        check.range("--cold-start-samples", samples, 1, 1_000);
        check.require(
                !clients.isEmpty() && ProbeClasspath.CLIENTS.containsAll(clients),
                "--cold-start-clients must name one or more of " + String.join(", ", ProbeClasspath.CLIENTS) + "; was "
                        + clients);
    }
}
