package fiblab.local.servers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * dynalite, the DynamoDB-compatible server, as a child Node.js process on a free loopback port.
 * With a data directory ({@code --path}) its tables survive a {@link #restart()}. It is
 * supervised: if the process dies without being stopped, the server says so through its event
 * listener and starts it again on the same port and data directory, as a managed service would
 * come back, instead of leaving every table request failing until someone restarts it by hand.
 */
public final class DynaliteServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);
    private static final String READY_LINE = "Dynalite listening at";
    /** Attempts to bring a dead dynalite back, 0.5 s apart, before the supervisor gives up. */
    private static final int RESTART_ATTEMPTS = 20;

    private final DynaliteInstallation installation;
    private final Path dataDirectory;
    private final int port;
    private final List<String> output = Collections.synchronizedList(new ArrayList<>());
    private final Consumer<String> events;
    private final AtomicInteger restarts = new AtomicInteger();
    private Process process;
    private boolean stopped;

    private DynaliteServer(DynaliteInstallation installation, Path dataDirectory, int port, Consumer<String> events) {
        this.installation = installation;
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.events = events;
    }

    /**
     * Starts dynalite on {@code port} (0 = a free one) and waits until it listens.
     *
     * @param dataDirectory where LevelDB keeps the tables, or null to keep them in memory
     */
    public static DynaliteServer start(int port, Path dataDirectory) {
        return start(port, dataDirectory, line -> {});
    }

    /** As {@link #start(int, Path)}; {@code events} hears when the process dies and is started again. */
    public static DynaliteServer start(int port, Path dataDirectory, Consumer<String> events) {
        DynaliteInstallation installation = DynaliteInstallation.locate();
        int chosen = port == 0 ? FreePorts.pick() : port;
        DynaliteServer server = new DynaliteServer(installation, dataDirectory, chosen, events);
        server.launch();
        return server;
    }

    private synchronized void launch() {
        if (!FreePorts.isFree(port)) {
            throw new ServerStartException("dynalite cannot listen on 127.0.0.1:" + port
                    + ": the port is in use; stop what holds it or let the stack pick a free port");
        }
        List<String> command = new ArrayList<>(List.of(
                installation.node().toString(),
                installation.launcher().toString(),
                "--host",
                "127.0.0.1",
                "--port",
                Integer.toString(port),
                "--createTableMs",
                "0",
                "--deleteTableMs",
                "0",
                "--updateTableMs",
                "0"));
        if (dataDirectory != null) {
            command.add("--path");
            command.add(dataDirectory.toAbsolutePath().toString());
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(installation.launcher().getParent().toFile())
                .redirectErrorStream(true);
        CompletableFuture<Void> ready = new CompletableFuture<>();
        try {
            process = ChildProcesses.start(builder);
        } catch (IOException e) {
            throw new ServerStartException(
                    "dynalite could not be started with " + installation.node() + " (" + e.getMessage()
                            + "): check that Node.js runs",
                    e);
        }
        Process started = process;
        Thread reader = new Thread(() -> drain(started, ready), "dynalite-output-" + port);
        reader.setDaemon(true);
        reader.start();
        started.onExit().thenRun(() -> supervise(started));
        try {
            ready.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            killCurrent();
            throw new ServerStartException("dynalite did not start on 127.0.0.1:" + port + " within "
                    + START_TIMEOUT.toSeconds() + " s; its output: " + String.join(" | ", output)
                    + " (reinstall with `npm ci` in local/dynalite, or pass --endpoint URL)");
        } catch (InterruptedException e) {
            killCurrent();
            Thread.currentThread().interrupt();
            throw new ServerStartException("interrupted while starting dynalite", e);
        }
    }

    private void drain(Process child, CompletableFuture<Void> ready) {
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.contains(READY_LINE)) {
                    ready.complete(null);
                } else if (output.size() < 50) {
                    output.add(line);
                }
            }
        } catch (IOException e) {
            // the process ended; the exit is handled below
        }
        ready.completeExceptionally(new IOException("dynalite exited"));
    }

    /** Runs when a dynalite process ends: if nobody stopped it, it died, and is started again. */
    private void supervise(Process exited) {
        synchronized (this) {
            if (process != exited || ChildProcesses.shuttingDown()) {
                return; // stopped or replaced on purpose, or the JVM is ending
            }
            process = null;
        }
        events.accept("[dynalite] process " + exited.pid() + " on 127.0.0.1:" + port + " died (exit code "
                + exited.exitValue() + "); starting it again on the same port"
                + (dataDirectory == null
                        ? " (in memory: its tables are gone)"
                        : " and data directory " + dataDirectory));
        for (int attempt = 1; attempt <= RESTART_ATTEMPTS; attempt++) {
            synchronized (this) {
                if (process != null || stopped) {
                    return;
                }
                try {
                    output.clear();
                    launch();
                    restarts.incrementAndGet();
                    events.accept("[dynalite] back on 127.0.0.1:" + port + " as process " + process.pid() + " (restart "
                            + restarts.get() + ")");
                    return;
                } catch (ServerStartException notYet) {
                    if (attempt == RESTART_ATTEMPTS) {
                        events.accept("[dynalite] could not be started again: " + notYet.getMessage()
                                + "; every request that needs the table will answer 503 until it is");
                        return;
                    }
                }
            }
            sleep(500);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** How many times the supervisor has brought a dead process back. */
    public int restarts() {
        return restarts.get();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** The node process id while running: what a test checks is gone after shutdown. */
    public synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    /** Stops the process (and anything it started); the supervisor leaves a stopped server alone. */
    public synchronized void stop() {
        stopped = true;
        killCurrent();
    }

    private synchronized void killCurrent() {
        if (process != null) {
            Process stopping = process;
            process = null;
            ChildProcesses.stop(stopping, Duration.ofSeconds(3));
        }
    }

    /** Starts again on the same port and data directory, as after a DynamoDB outage. */
    public synchronized void restart() {
        stop();
        output.clear();
        stopped = false;
        launch();
    }

    @Override
    public void close() {
        stop();
    }
}
