package fiblab.bench;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the fiblab checkout the benchmark runs in: the nearest directory, from the working
 * directory or from the jar's location upwards, that holds both template.yaml and report-site/.
 */
final class RepositoryPaths {

    private RepositoryPaths() {}

    static Optional<Path> root() {
        Optional<Path> fromWorkingDir = search(Path.of("").toAbsolutePath());
        return fromWorkingDir.isPresent() ? fromWorkingDir : jarLocation().flatMap(RepositoryPaths::search);
    }

    static Optional<Path> search(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("template.yaml")) && Files.isDirectory(dir.resolve("report-site"))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> jarLocation() {
        try {
            return Optional.of(Path.of(Main.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI()));
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
