package fiblab.local.testing;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the functions' structured log lines as they go to stdout, passing them on, and counts the
 * worker's successful result writes per job ({@code "message":"message COMPLETED"}).
 */
public final class StdoutTap extends OutputStream {

    private static final Pattern COMPLETED =
            Pattern.compile("\"message\":\"message COMPLETED\".*?\"jobId\":\"([^\"]+)\"");
    private static final Pattern ALREADY =
            Pattern.compile("\"message\":\"message ALREADY_FINISHED\".*?\"jobId\":\"([^\"]+)\"");
    private static final Pattern RETRY = Pattern.compile("\"message\":\"message RETRY\".*?\"jobId\":\"([^\"]+)\"");

    private final PrintStream original;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final Map<String, AtomicInteger> completed = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> alreadyFinished = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> retried = new ConcurrentHashMap<>();

    private StdoutTap(PrintStream original) {
        this.original = original;
    }

    /** Installs the tap as System.out; {@link #uninstall()} puts the original back. */
    public static StdoutTap install() {
        StdoutTap tap = new StdoutTap(System.out);
        System.setOut(new PrintStream(tap, true, StandardCharsets.UTF_8));
        return tap;
    }

    public void uninstall() {
        System.setOut(original);
    }

    public int completedWrites(String jobId) {
        return completed.getOrDefault(jobId, new AtomicInteger()).get();
    }

    public int alreadyFinished(String jobId) {
        return alreadyFinished.getOrDefault(jobId, new AtomicInteger()).get();
    }

    /** Deliveries the worker could not finish (for example while DynamoDB was down), per job. */
    public int retries(String jobId) {
        return retried.getOrDefault(jobId, new AtomicInteger()).get();
    }

    @Override
    public synchronized void write(int b) {
        original.write(b);
        if (b == '\n') {
            String text = line.toString(StandardCharsets.UTF_8);
            line.reset();
            count(COMPLETED.matcher(text), completed);
            count(ALREADY.matcher(text), alreadyFinished);
            count(RETRY.matcher(text), retried);
        } else {
            line.write(b);
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            write(bytes[i]);
        }
    }

    @Override
    public void flush() {
        original.flush();
    }

    private static void count(Matcher matcher, Map<String, AtomicInteger> counts) {
        if (matcher.find()) {
            counts.computeIfAbsent(matcher.group(1), k -> new AtomicInteger()).incrementAndGet();
        }
    }
}
