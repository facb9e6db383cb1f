package fiblab.bench.peers;

import fiblab.local.servers.BoundedCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The interpreter that runs a peer and the versions it runs with. Flask: {@code $FIBLAB_PYTHON} if
 * set, else the first of {@code python3} on PATH and {@code /usr/bin/python3} (where Debian's
 * python3-flask lands) that imports flask. Express: {@code node} on PATH and the express package
 * that {@code npm ci} installed from the committed lockfile.
 *
 * @param interpreter the executable the script is given to
 * @param versions    e.g. {@code Flask 3.1.3, Python 3.11.7}, for the report
 */
public record PeerRuntime(Path interpreter, String versions) {

    static final String PYTHON_VARIABLE = "FIBLAB_PYTHON";
    private static final String FLASK_PROBE = "import importlib.metadata as m, platform, flask; "
            + "print('Flask ' + m.version('flask') + ', Python ' + platform.python_version())";
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(20);
    private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*\"([^\"]+)\"");

    public static PeerRuntime resolve(Peer peer, Path peerDir, Map<String, String> environment) {
        return switch (peer) {
            case FLASK -> flask(environment);
            case EXPRESS -> express(peerDir, environment);
        };
    }

    private static PeerRuntime flask(Map<String, String> environment) {
        String chosen = environment.get(PYTHON_VARIABLE);
        Set<Path> candidates = new LinkedHashSet<>();
        if (chosen != null && !chosen.isBlank()) {
            candidates.add(Path.of(chosen)); // the user's explicit choice, and nothing else
        } else {
            onPath("python3", environment).ifPresent(candidates::add);
            candidates.add(Path.of("/usr/bin/python3"));
        }
        List<Path> pythons = candidates.stream().filter(Files::isExecutable).toList();
        if (pythons.isEmpty()) {
            throw new PeerUnavailableException("Flask peer: no python3 found (" + candidates
                    + "); install Python 3 and Flask: " + "sudo apt-get install -y python3-flask");
        }
        for (Path python : pythons) {
            Optional<String> versions = run(List.of(python.toString(), "-c", FLASK_PROBE));
            if (versions.isPresent()) {
                return new PeerRuntime(python, versions.get());
            }
        }
        throw new PeerUnavailableException("Flask peer: Flask is not installed for " + pythons + "; install it: "
                + "sudo apt-get install -y python3-flask (or pip install flask, or set " + PYTHON_VARIABLE
                + " to a python that has it)");
    }

    private static PeerRuntime express(Path peerDir, Map<String, String> environment) {
        Path node = onPath("node", environment)
                .orElseThrow(
                        () -> new PeerUnavailableException(
                                "Express peer: `node` is not on PATH; install Node.js 20+ (sudo apt-get install -y nodejs npm)"));
        Path expressPackage = peerDir.resolve("node_modules/express/package.json");
        if (!Files.isRegularFile(expressPackage)) {
            throw new PeerUnavailableException("Express peer: express is not installed in " + peerDir
                    + "; run `npm ci` there (mvn package runs it when node_modules is missing)");
        }
        String express;
        try {
            Matcher matcher = VERSION.matcher(Files.readString(expressPackage, StandardCharsets.UTF_8));
            express = matcher.find() ? matcher.group(1) : "?";
        } catch (IOException e) {
            express = "?";
        }
        String nodeVersion = run(List.of(node.toString(), "--version")).orElse("?");
        return new PeerRuntime(node, "Express " + express + ", Node.js " + nodeVersion);
    }

    static Optional<Path> onPath(String name, Map<String, String> environment) {
        String path = environment.getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isBlank() && Files.isExecutable(Path.of(dir, name))) {
                return Optional.of(Path.of(dir, name));
            }
        }
        return Optional.empty();
    }

    /** Runs a short command; its first output line when it exits 0 within 20 s, else empty. */
    private static Optional<String> run(List<String> command) {
        try {
            BoundedCommand.Result result =
                    BoundedCommand.run(command.get(0), new ProcessBuilder(new ArrayList<>(command)), PROBE_TIMEOUT);
            String text = result.stdout().trim();
            return result.succeeded() && !text.isEmpty() ? text.lines().findFirst() : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
