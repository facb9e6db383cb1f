package fiblab.local.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The templates the tests run: the project's own, the test stack's, and edited copies of either. */
public final class Templates {

    private Templates() {}

    /** The repository's template.yaml (the build passes its path). */
    public static Path project() {
        return Path.of(System.getProperty("fiblab.template", "../template.yaml"))
                .toAbsolutePath()
                .normalize();
    }

    /** A small template with the test handlers and short timeouts. */
    public static Path testStack() {
        try {
            return Path.of(Templates.class.getResource("/test-template.yaml").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A copy of {@code template} in {@code dir} with {@code from} replaced by {@code to}; fails if absent. */
    public static Path copyWith(Path template, Path dir, String from, String to) {
        try {
            String text = Files.readString(template, StandardCharsets.UTF_8);
            if (!text.contains(from)) {
                throw new IllegalArgumentException(template + " does not contain: " + from);
            }
            Path copy = Files.createTempFile(dir, "template-", ".yaml");
            Files.writeString(copy, text.replace(from, to), StandardCharsets.UTF_8);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
