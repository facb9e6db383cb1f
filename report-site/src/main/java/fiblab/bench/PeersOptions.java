package fiblab.bench;

import fiblab.bench.scenario.Scenario;
import java.util.Set;
import picocli.CommandLine.Option;

/** The seed's peers: Flask and Express under the seed run's own spec. */
final class PeersOptions {

    @Option(
            names = "--peers",
            description = {
                "Also run the seed's peers, Flask and Express from report-site/peers/, with the seed run's own",
                "n, clients, requests and warm-up (needs the seed scenario, python3 with flask, node). Adds about 2 minutes at the defaults."
            })
    boolean peers;

    void validate(OptionChecks check, Set<Scenario> scenarios) {
        check.require(
                !peers || scenarios.contains(Scenario.SEED),
                "--peers runs the peers with the seed run's own spec: add the seed scenario");
    }
}
