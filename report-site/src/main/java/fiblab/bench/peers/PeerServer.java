package fiblab.bench.peers;

import fiblab.local.servers.ChildProcesses;
import fiblab.local.servers.FreePorts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One peer running as a child process on a free loopback port. It is started through fiblab-local's
 * {@link ChildProcesses}, whose JVM shutdown hook stops it on Ctrl-C, SIGTERM or a normal exit; a
 * SIGKILLed JVM runs no hook, so the peer also exits by itself when its stdin (held by this JVM) closes.
 * It is stopped by its PID, never by name.
 */
public final class PeerServer implements AutoCloseable {

    static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private final Peer peer;
    private final PeerRuntime runtime;
    private final Process process;
    private final URI url;

    private PeerServer(Peer peer, PeerRuntime runtime, Process process, URI url) {
        this.peer = peer;
        this.runtime = runtime;
        this.process = process;
        this.url = url;
    }

    /**
     * Starts the peer from {@code peersDir/<id>/} and returns once it answers {@code GET /fib/1}.
     *
     * @param logFile where the peer's own output goes (Flask's development server logs every request)
     */
    public static PeerServer start(Peer peer, Path peersDir, Path logFile, Map<String, String> environment) {
        Path dir = peersDir.resolve(peer.id());
        if (!Files.isRegularFile(dir.resolve(peer.script()))) {
            throw new PeerUnavailableException(
                    peer.id() + " peer: " + dir.resolve(peer.script()) + " is missing; run from the fiblab checkout");
        }
        PeerRuntime runtime = PeerRuntime.resolve(peer, dir, environment);
        int port = FreePorts.pick();
        Process process;
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            process = ChildProcesses.start(
                    new ProcessBuilder(List.of(runtime.interpreter().toString(), peer.script(), Integer.toString(port)))
                            .directory(dir.toFile())
                            .redirectErrorStream(true)
                            .redirectOutput(logFile.toFile()));
        } catch (IOException e) {
            throw new PeerUnavailableException(
                    peer.id() + " peer: could not start " + runtime.interpreter() + ": " + e.getMessage());
        }
        PeerServer server = new PeerServer(peer, runtime, process, URI.create("http://127.0.0.1:" + port));
        try {
            server.awaitAnswer(logFile);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private void awaitAnswer(Path logFile) {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(url + "/fib/1"))
                .timeout(Duration.ofSeconds(2))
                .build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() - deadline < 0) {
            if (!process.isAlive()) {
                throw new PeerUnavailableException(
                        peer.id() + " peer exited at start (code " + process.exitValue() + "): " + lastLine(logFile));
            }
            try {
                if (client.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PeerUnavailableException(peer.id() + " peer: interrupted while waiting for it to answer");
            }
            sleep(100);
        }
        throw new PeerUnavailableException(peer.id() + " peer did not answer on " + url + " within "
                + START_TIMEOUT.toSeconds() + " s: " + lastLine(logFile));
    }

    private static String lastLine(Path logFile) {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return lines.isEmpty() ? "no output" : lines.get(lines.size() - 1).trim() + " (log: " + logFile + ")";
        } catch (IOException e) {
            return "no output";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public Peer peer() {
        return peer;
    }

    public PeerRuntime runtime() {
        return runtime;
    }

    public URI url() {
        return url;
    }

    public long pid() {
        return process.pid();
    }

    /** Stops the peer by its PID: SIGTERM first, SIGKILL after a grace period. */
    @Override
    public void close() {
        ChildProcesses.stop(process, STOP_GRACE);
    }
}
