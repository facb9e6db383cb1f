package fiblab.local.log;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Where the stack's own lines and the functions' logs go: stdout, or a file. Whole lines, thread-safe. */
public final class LogSink implements AutoCloseable {

    private final PrintStream out;
    private final boolean ownsStream;

    private LogSink(PrintStream out, boolean ownsStream) {
        this.out = out;
        this.ownsStream = ownsStream;
    }

    public static LogSink stdout() {
        return new LogSink(System.out, false);
    }

    /** Appends to {@code file}, creating it (and its folder) if needed. */
    public static LogSink file(Path file) {
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            OutputStream stream = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return new LogSink(new PrintStream(stream, true, StandardCharsets.UTF_8), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the log file " + file, e);
        }
    }

    public void line(String text) {
        synchronized (out) {
            out.println(text);
        }
    }

    @Override
    public void close() {
        if (ownsStream) {
            out.close();
        } else {
            out.flush();
        }
    }
}
