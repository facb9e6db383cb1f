package fiblab.observe;

import fiblab.json.Json;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One JSON object per log line, with the context (request id, job id) on every line, so that
 * CloudWatch Logs Insights can filter by any field. The level comes from AWS_LAMBDA_LOG_LEVEL.
 */
public final class StructuredLogger {

    public enum Level {
        DEBUG,
        INFO,
        WARN,
        ERROR,
        OFF
    }

    private final PrintStream out;
    private final Level threshold;
    private final Map<String, Object> context;

    public StructuredLogger(PrintStream out, Level threshold, Map<String, Object> context) {
        this.out = out;
        this.threshold = threshold;
        this.context = Map.copyOf(context);
    }

    public static StructuredLogger toStdout(String levelName, String service) {
        return new StructuredLogger(System.out, parseLevel(levelName), Map.of("service", service));
    }

    static Level parseLevel(String name) {
        if (name == null || name.isBlank()) {
            return Level.INFO;
        }
        try {
            return Level.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return name.trim().equalsIgnoreCase("TRACE") ? Level.DEBUG : Level.INFO;
        }
    }

    /** The same logger with more fields on every line. */
    public StructuredLogger with(String key, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(context);
        if (value != null) {
            more.put(key, value);
        }
        return new StructuredLogger(out, threshold, more);
    }

    public boolean enabled(Level level) {
        return level != Level.OFF && level.compareTo(threshold) >= 0;
    }

    public void info(String message, Object... keyValues) {
        log(Level.INFO, message, null, keyValues);
    }

    public void warn(String message, Object... keyValues) {
        log(Level.WARN, message, null, keyValues);
    }

    public void error(String message, Throwable failure, Object... keyValues) {
        log(Level.ERROR, message, failure, keyValues);
    }

    private void log(Level level, String message, Throwable failure, Object... keyValues) {
        if (!enabled(level)) {
            return;
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("timestamp", Instant.now().toString());
        line.put("level", level.name());
        line.put("message", message);
        line.putAll(context);
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                line.put(String.valueOf(keyValues[i]), keyValues[i + 1]);
            }
        }
        if (failure != null) {
            StringWriter stack = new StringWriter();
            failure.printStackTrace(new PrintWriter(stack));
            line.put("exception", failure.getClass().getName());
            line.put("stackTrace", stack.toString());
        }
        out.println(Json.write(line));
    }
}
