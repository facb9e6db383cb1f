package fiblab.bench;

import fiblab.bench.load.ProgressListener;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.BiFunction;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress that fits where it goes: a bar per run on a terminal, a plain line every few seconds
 * when standard error is a file or a pipe, or nothing.
 */
final class ProgressBars {

    /** How often a plain progress line is written when the output is not a terminal. */
    static final Duration LINE_INTERVAL = Duration.ofSeconds(5);

    private ProgressBars() {}

    static BiFunction<String, Integer, ProgressListener> factory(boolean enabled) {
        if (!enabled) {
            return (label, max) -> ProgressListener.NONE;
        }
        if (!isTerminal()) {
            PrintWriter err = new PrintWriter(System.err, true);
            return lines(err, LINE_INTERVAL);
        }
        return (label, max) -> {
            ProgressBar bar = new ProgressBarBuilder()
                    .setTaskName(label)
                    .setInitialMax(max)
                    .setStyle(ProgressBarStyle.ASCII)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err))
                    .setUpdateIntervalMillis(250)
                    .continuousUpdate()
                    .build();
            return new ProgressListener() {
                @Override
                public void completed() {
                    bar.step();
                }

                @Override
                public void close() {
                    bar.close();
                }
            };
        };
    }

    /**
     * Whether standard error is a terminal. Before JDK 22 a console exists only for a terminal; from
     * JDK 22 on one may exist for a pipe too, and {@code Console.isTerminal()} tells them apart.
     */
    static boolean isTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // JDK 17-21: a console is a terminal
        }
    }

    /** Plain progress lines on {@code out}, at most one per {@code interval} while a run lasts. */
    static BiFunction<String, Integer, ProgressListener> lines(PrintWriter out, Duration interval) {
        return (label, max) -> new ProgressLines(out, label, max, interval, System::nanoTime);
    }
}
