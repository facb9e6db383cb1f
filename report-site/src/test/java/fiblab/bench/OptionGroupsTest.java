package fiblab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import fiblab.bench.scenario.BenchSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line's option groups: their defaults, their headings in --help, and the checks each makes. */
class OptionGroupsTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private static Main parse(String... args) {
        Main main = new Main();
        new CommandLine(main).parseArgs(args);
        return main;
    }

    @Test
    void settings_shouldBeTheDocumentedDefaults_whenNoOptionIsGiven() {
        assertThat(parse().settings())
                .isEqualTo(new BenchSettings(
                        1000,
                        10,
                        30,
                        100,
                        Duration.ofMillis(10),
                        Duration.ofSeconds(30),
                        Duration.ofSeconds(180),
                        Duration.ofSeconds(300),
                        0, // the open loop's rate is derived in the session (OpenLoopRate)
                        1000,
                        64,
                        List.of(20, 25, 30, 35, 38, 40, 42, 43, 44, 46),
                        1,
                        List.of(1, 10, 50),
                        50,
                        Duration.ofSeconds(15)));
    }

    @Test
    void group_shouldKeepItsOtherDefaults_whenOneOfItsOptionsIsGiven_andReplaceListsRatherThanAppend() {
        Main main = parse("--rate", "50", "--sweep-n", "20,30", "--flatness-n", "15,25");

        BenchSettings settings = main.settings();
        assertThat(settings.openRate()).isEqualTo(50);
        assertThat(settings.openRequests()).isEqualTo(1000);
        assertThat(settings.openMaxInFlight()).isEqualTo(64);
        assertThat(settings.sweepN()).containsExactly(20, 30);
        assertThat(settings.sweepConcurrency()).containsExactly(1, 10, 50);
        assertThat(main.throughput.settings(main.seed).flatnessN()).containsExactly(15, 25);
        assertThat(main.throughput.settings(main.seed).requests()).isEqualTo(5000);
    }

    @Test
    void help_shouldListTheOptionsUnderTheirGroups() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString())
                .contains(
                        "Target (default: the local stack",
                        "Seed scenario and every run",
                        "Open loop",
                        "Sweep and fast",
                        "Cold starts (--scenario coldstart)",
                        "Throughput (--scenario throughput)",
                        "The seed's peers",
                        "Overload and polling (--scenario overload, polling; local stack only)",
                        "Publishing the site")
                .contains(
                        "--rate=<rate>",
                        "Open loop: operations per second, for both paths",
                        "(default: 0.5 x the slower path")
                .contains("--async-jobs=<asyncJobs>");
    }

    @Test
    void coldStartClients_shouldNameTheValidChoicesAndExitTwo_whenUnknown() {
        assertThat(run("--url", "http://127.0.0.1:9", "--cold-start-clients", "apache"))
                .isEqualTo(2);
        assertThat(err.toString())
                .contains("--cold-start-clients must name one or more of url-connection, crt; was [apache]");
    }

    @Test
    void rate_shouldSayTheAllowedRangeAndExitTwo_whenZero() {
        assertThat(run("--url", "http://127.0.0.1:9", "--rate", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--rate must be above 0 and at most 100000 per second; was 0.0");
    }

    @Test
    void flatnessN_shouldAskForTwoValuesAndExitTwo_whenGivenOne() {
        assertThat(run("--url", "http://127.0.0.1:9", "--flatness-n", "20")).isEqualTo(2);
        assertThat(err.toString()).contains("--flatness-n needs two or more n values between 0 and 50");
    }

    @Test
    void publishEndpoint_shouldNeedPublish_andExitTwo() {
        assertThat(run("--url", "http://127.0.0.1:9", "--publish-endpoint", "http://127.0.0.1:4568"))
                .isEqualTo(2);
        assertThat(err.toString())
                .contains("--publish-region and --publish-endpoint need --publish s3://BUCKET[/PREFIX]");
    }

    @Test
    void maxInFlight_shouldSayTheRangeAndExitTwo_whenTooLarge() {
        assertThat(run("--url", "http://127.0.0.1:9", "--max-in-flight", "5000"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--max-in-flight must be between 1 and 1000; was 5000");
    }

    @Test
    void overload_shouldUseTheSeedsN_andThirtySecondsOfPatience_whenNoOptionIsGiven() {
        Main main = parse("--n", "25");

        var overload = main.overload.settings(main.seed);
        assertThat(overload.overload().n()).isEqualTo(25);
        assertThat(overload.overload().multiples()).containsExactly(0.5, 1.0, 1.5, 2.0, 3.0);
        assertThat(overload.overload().patience()).isEqualTo(Duration.ofSeconds(30));
        assertThat(overload.overload().jobPatience()).isEqualTo(Duration.ofSeconds(30));
        assertThat(overload.projectionN()).containsExactly(30, 40, 42);
        assertThat(main.overload.polling(main.seed).n()).containsExactly(25);
    }

    @Test
    void overloadSeconds_shouldNameItsThreeValuesAndExitTwo_whenGivenTwo() {
        assertThat(run("--overload-seconds", "2,1")).isEqualTo(2);
        assertThat(err.toString()).contains("--overload-seconds takes three values, STEP,WARMUP,PROBE");
    }

    @Test
    void overload_shouldBeRefusedAndExitTwo_againstAUrl() {
        assertThat(run("--url", "http://127.0.0.1:9", "--scenario", "seed,overload"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("run them on the local stack (without --url or --stack-name)");
    }
}
