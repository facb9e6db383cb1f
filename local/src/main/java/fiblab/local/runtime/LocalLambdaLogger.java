package fiblab.local.runtime;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import fiblab.local.log.LogSink;
import java.nio.charset.StandardCharsets;

/**
 * The logger a handler gets from {@code context.getLogger()}: lines go to the stack's log,
 * prefixed with the function name, and levels below {@code AWS_LAMBDA_LOG_LEVEL} are dropped.
 */
public final class LocalLambdaLogger implements LambdaLogger {

    private final LogSink sink;
    private final String prefix;
    private final LogLevel minimum;

    public LocalLambdaLogger(LogSink sink, String functionName, LogLevel minimum) {
        this.sink = sink;
        this.prefix = "[" + functionName + "] ";
        this.minimum = minimum;
    }

    @Override
    public void log(String message) {
        String text = message.endsWith("\n") ? message.substring(0, message.length() - 1) : message;
        sink.line(prefix + text);
    }

    @Override
    public void log(byte[] message) {
        log(new String(message, StandardCharsets.UTF_8));
    }

    @Override
    public void log(String message, LogLevel level) {
        if (level == LogLevel.UNDEFINED || level.ordinal() >= minimum.ordinal()) {
            log(message);
        }
    }

    /** The stack's own lines about this function (START, END, REPORT, errors): never filtered. */
    public void platform(String message) {
        sink.line(prefix + message);
    }

    public static LogLevel parse(String level) {
        if (level == null || level.isBlank()) {
            return LogLevel.INFO;
        }
        try {
            return LogLevel.valueOf(level.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            return LogLevel.INFO;
        }
    }
}
