package fiblab.local.servers;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where dynalite and Node.js are on this machine. dynalite is installed by the Maven build
 * ({@code npm ci} in {@code local/dynalite}, from the committed lockfile); Node.js is the user's.
 */
public record DynaliteInstallation(Path node, Path launcher) {

    private static final String LAUNCHER = "run.js";
    private static final String CLI = "node_modules/dynalite/cli.js";

    /** Finds both, or fails with a one-line message that says what to do. */
    public static DynaliteInstallation locate() {
        return locate(System.getenv());
    }

    /** As {@link #locate()}, reading {@code PATH} and {@code FIBLAB_NODE} from {@code environment}. */
    static DynaliteInstallation locate(java.util.Map<String, String> environment) {
        Path node = findNode(environment)
                .orElseThrow(() -> new ServerStartException(
                        "dynalite (the local DynamoDB) needs Node.js 18+, and `node` is not on PATH: install it"
                                + " (apt-get install nodejs), set FIBLAB_NODE=/path/to/node, or pass --endpoint URL"
                                + " to use another DynamoDB/SQS endpoint"));
        Path dir = candidateDirectories().stream()
                .filter(d -> Files.isRegularFile(d.resolve(CLI)) && Files.isRegularFile(d.resolve(LAUNCHER)))
                .findFirst()
                .orElseThrow(() -> new ServerStartException(
                        "dynalite is not installed (looked for " + CLI + " in " + candidateDirectories()
                                + "): run `npm ci` in local/dynalite, or `mvn -pl local package`,"
                                + " or set -Dfiblab.dynalite.dir=DIR"));
        return new DynaliteInstallation(node, dir.resolve(LAUNCHER));
    }

    static Optional<Path> findNode(java.util.Map<String, String> environment) {
        String override = environment.get("FIBLAB_NODE");
        if (override != null && !override.isBlank()) {
            return Optional.of(Path.of(override)).filter(Files::isExecutable);
        }
        String path = environment.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, "node");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The module's dynalite folder, seen from a configured path, the working directory or the jar. */
    static List<Path> candidateDirectories() {
        List<Path> dirs = new ArrayList<>();
        String configured = System.getProperty("fiblab.dynalite.dir", System.getenv("FIBLAB_DYNALITE_DIR"));
        if (configured != null && !configured.isBlank()) {
            dirs.add(Path.of(configured).toAbsolutePath().normalize());
        }
        Path cwd = Path.of("").toAbsolutePath();
        dirs.add(cwd.resolve("local/dynalite"));
        dirs.add(cwd.resolve("dynalite"));
        dirs.add(cwd.resolve("../local/dynalite").normalize());
        codeLocation().ifPresent(code -> {
            // local/target/fiblab-local.jar or local/target/classes -> local/dynalite
            Path target = code.getParent();
            if (target != null && target.getParent() != null) {
                dirs.add(target.getParent().resolve("dynalite"));
            }
        });
        return dirs.stream().distinct().toList();
    }

    private static Optional<Path> codeLocation() {
        try {
            var source = DynaliteInstallation.class.getProtectionDomain().getCodeSource();
            return source == null
                    ? Optional.empty()
                    : Optional.of(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException | SecurityException e) {
            return Optional.empty();
        }
    }
}
