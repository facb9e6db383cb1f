package fiblab.local.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A second JVM, started by a test, whose {@code main} starts a child process and prints {@code PID <n>}
 * for it: the tests that stop such a JVM then check that its child does not outlive it.
 *
 * @param jvm the JVM that started the child
 * @param childPid the child's PID, as the JVM printed it
 */
public record HolderJvm(Process jvm, long childPid) {

    /** How long the JVM may take to start its child and print the PID line. */
    static final Duration PID_LINE_BOUND = Duration.ofSeconds(60);

    /**
     * Runs {@code main} in a new JVM on this JVM's class path and waits, within {@link #PID_LINE_BOUND},
     * for its {@code PID <n>} line; a JVM that prints none is stopped, and the error holds its output.
     */
    public static HolderJvm start(Class<?> main, List<String> jvmOptions, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.addAll(jvmOptions);
        command.add(main.getName());
        command.addAll(List.of(args));
        Process jvm = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<Long> pid = new CompletableFuture<>();
        StringBuffer output = new StringBuffer();
        Thread reader = new Thread(() -> readOutput(jvm, pid, output), "holder-jvm-output-" + jvm.pid());
        reader.setDaemon(true);
        reader.start();
        try {
            return new HolderJvm(jvm, pid.get(PID_LINE_BOUND.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException | ExecutionException e) {
            jvm.destroyForcibly();
            throw new IllegalStateException(
                    main.getSimpleName() + "'s JVM printed no child PID within " + PID_LINE_BOUND + "; its output:\n"
                            + output,
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            jvm.destroyForcibly();
            throw new IllegalStateException("interrupted while waiting for " + main.getSimpleName() + "'s JVM", e);
        }
    }

    /** Reads the JVM's output to its end (so that it never blocks on a full pipe), completing {@code pid}. */
    private static void readOutput(Process jvm, CompletableFuture<Long> pid, StringBuffer output) {
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (!pid.isDone() && line.startsWith("PID ")) {
                    pid.complete(Long.parseLong(line.substring(4).trim()));
                } else {
                    output.append(line).append('\n');
                }
            }
        } catch (IOException | NumberFormatException e) {
            pid.completeExceptionally(e);
        }
        pid.completeExceptionally(new IllegalStateException("the JVM ended without printing a PID line"));
    }

    public static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Waits, at most {@code bound}, for the process {@code pid} to end; returns whether it did. */
    public static boolean ends(long pid, Duration bound) {
        return Eventually.within(bound, () -> !alive(pid));
    }
}
