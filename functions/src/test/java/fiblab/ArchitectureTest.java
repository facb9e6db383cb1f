package fiblab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The core (algorithms, job rules, HTTP contract, configuration) imports nothing from AWS. */
class ArchitectureTest {

    private static final List<String> CORE_PACKAGES =
            List.of("fib", "job", "api", "admission", "config", "json", "observe");

    @Test
    void core_shouldImportNothingFromAws() throws IOException {
        Path main = Path.of("src/main/java/fiblab");
        for (String core : CORE_PACKAGES) {
            try (Stream<Path> files = Files.walk(main.resolve(core))) {
                for (Path file :
                        files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    assertThat(Files.readString(file))
                            .as(file.toString())
                            .doesNotContain("import software.amazon")
                            .doesNotContain("import com.amazonaws");
                }
            }
        }
    }

    @Test
    void deploymentPackage_shouldCarryNeitherApacheNorNettyHttpClients() throws IOException {
        // The runtime classpath is what `sam build` packages; .ci/run also checks the built artifact itself.
        String classpath = System.getProperty("java.class.path");
        assertThat(classpath)
                .contains("url-connection-client")
                .doesNotContain("apache-client")
                .doesNotContain("apache5-client")
                .doesNotContain("httpclient")
                .doesNotContain("netty");
    }
}
