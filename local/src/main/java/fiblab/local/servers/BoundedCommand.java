package fiblab.local.servers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command that is meant to finish, with a bound that can fire: its output goes to temporary
 * files (never to a pipe read before the wait, which would block until the child exits), the wait is
 * {@link Process#waitFor(long, TimeUnit)}, and a child still running at the bound is stopped with
 * its descendants ({@code destroyForcibly}) before {@link CommandTimeoutException} says so. While
 * it runs it is one of {@link ChildProcesses}, so Ctrl-C stops it too.
 */
public final class BoundedCommand {

    private static final Duration STOP_GRACE = Duration.ofSeconds(2);
    private static final int TAIL_CHARS = 600;

    private BoundedCommand() {}

    /** What a finished command left: its exit code and output (stderr is empty when it was merged). */
    public record Result(int exitCode, String stdout, String stderr, Duration elapsed) {

        public boolean succeeded() {
            return exitCode == 0;
        }
    }

    /**
     * Starts {@code builder}'s command with its stdin closed and waits at most {@code timeout}.
     * {@code what} names the command in the error (e.g. "aws cloudformation describe-stacks").
     * The builder's own output redirections are replaced; {@code redirectErrorStream(true)} is kept
     * (stderr then lands in {@link Result#stdout}).
     *
     * @throws IOException when the command cannot start or its output cannot be read
     * @throws CommandTimeoutException when it did not finish within {@code timeout}; it was stopped
     */
    public static Result run(String what, ProcessBuilder builder, Duration timeout)
            throws IOException, InterruptedException {
        Path stdout = Files.createTempFile("fiblab-child-", ".out");
        Path stderr = Files.createTempFile("fiblab-child-", ".err");
        try {
            builder.redirectOutput(stdout.toFile());
            if (!builder.redirectErrorStream()) {
                builder.redirectError(stderr.toFile());
            }
            long started = System.nanoTime();
            Process process = ChildProcesses.start(builder);
            process.getOutputStream().close();
            boolean exited;
            try {
                exited = process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                ChildProcesses.stop(process, Duration.ZERO);
                throw e;
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            if (!exited) {
                ChildProcesses.stop(process, Duration.ZERO);
                process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
                throw new CommandTimeoutException(what + " did not finish within "
                        + seconds(timeout) + "; stopped it (pid " + process.pid() + "). Output ends: "
                        + tail(read(stdout) + read(stderr)));
            }
            ChildProcesses.forget(process);
            return new Result(process.exitValue(), read(stdout), read(stderr), elapsed);
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    private static String tail(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return "(nothing)";
        }
        return trimmed.length() <= TAIL_CHARS ? trimmed : "…" + trimmed.substring(trimmed.length() - TAIL_CHARS);
    }

    /** A command ran past its bound and was stopped. */
    public static final class CommandTimeoutException extends IOException {
        public CommandTimeoutException(String message) {
            super(message);
        }
    }
}
