package fiblab.bench.coldstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProbeOutputTest {

    @Test
    void parse_shouldFindTheResultLine_amongTheFunctionsLogLines() {
        // Given what a child prints: the handler's JSON log, then the result line
        String output = "{\"level\":\"INFO\",\"message\":\"request\"}\n" + ColdStartProbe.MARKER
                + "{\"pid\":42,\"initMillis\":12.5,\"firstResponse\":\"{\\\"statusCode\\\":202}\"}\n";

        // When / Then
        assertThat(ProbeOutput.parse(output)).hasValueSatisfying(result -> {
            assertThat(result.pid()).isEqualTo(42L);
            assertThat(result.initMillis()).isEqualTo(12.5);
            assertThat(result.firstResponse()).isEqualTo("{\"statusCode\":202}");
            assertThat(result.primingMillis()).isNull();
        });
    }

    @Test
    void parse_shouldBeEmpty_whenTheChildDiedBeforePrintingItsResult() {
        assertThat(ProbeOutput.parse("Exception in thread \"main\" java.lang.NoClassDefFoundError: x\n"))
                .isEmpty();
        assertThat(ProbeOutput.parse(ColdStartProbe.MARKER + "{not json")).isEmpty();
    }

    @Test
    void parse_shouldBeEmpty_whenTheResultHoldsAFieldTheModelDoesNotKnow() {
        // A field the probe prints but the results model does not know would otherwise be dropped unseen
        assertThat(ProbeOutput.parse(ColdStartProbe.MARKER + "{\"pid\":42,\"gcMillis\":3.5}"))
                .isEmpty();
    }

    @Test
    void forClient_shouldKeepExactlyOneHttpClient_andAddTheProbeLast() {
        // Given the jars listed at build time, with both clients
        List<Path> jars = List.of(
                Path.of("/m2/fiblab-functions.jar"),
                Path.of("/m2/url-connection-client-2.57.8.jar"),
                Path.of("/m2/aws-crt-client-2.57.8.jar"),
                Path.of("/m2/aws-crt-0.49.0.jar"),
                Path.of("/m2/crt-core-2.57.8.jar"));

        // When
        String url = ProbeClasspath.forClient(jars, ProbeClasspath.URL_CONNECTION, Path.of("/tmp/probe"));
        String crt = ProbeClasspath.forClient(jars, ProbeClasspath.CRT, Path.of("/tmp/probe"));

        // Then
        assertThat(url).contains("url-connection-client").doesNotContain("crt").endsWith("/tmp/probe");
        assertThat(crt)
                .contains("aws-crt-client", "aws-crt-0.49.0", "crt-core")
                .doesNotContain("url-connection")
                .endsWith("/tmp/probe");
    }

    @Test
    void listedJars_shouldAllExist_andHoldTheFunctionsButNotTheBenchmarksOwnLibraries() {
        List<Path> jars = ProbeClasspath.listedJars();
        assertThat(jars)
                .extracting(p -> p.getFileName().toString())
                .anyMatch(name -> name.startsWith("fiblab-functions") || name.equals("classes"))
                .noneMatch(name -> name.contains("elasticmq")
                        || name.contains("HdrHistogram")
                        || name.contains("selenium")
                        || name.contains("slf4j-simple")
                        || name.contains("picocli"));
    }
}
