package fiblab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** functions/pom.xml has no parent (for sam build), so it repeats the reactor's versions; they must agree. */
class ReactorVersionsTest {

    private static final Pattern VERSION_PROPERTY = Pattern.compile("<([\\w.-]+\\.version)>([^<]+)</");

    private static Map<String, String> versions(Path pom) throws IOException {
        Matcher matcher = VERSION_PROPERTY.matcher(Files.readString(pom));
        return matcher.results().collect(Collectors.toMap(m -> m.group(1), m -> m.group(2), (a, b) -> a));
    }

    @Test
    void functionsPom_shouldUseTheReactorsVersions() throws IOException {
        Map<String, String> functions = versions(Path.of("pom.xml"));
        Map<String, String> reactor = versions(Path.of("../pom.xml"));

        assertThat(functions).isNotEmpty();
        functions.forEach(
                (name, version) -> assertThat(reactor.get(name)).as(name).isEqualTo(version));
    }
}
