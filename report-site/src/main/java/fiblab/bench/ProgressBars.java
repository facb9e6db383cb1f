package fiblab.bench;

import fiblab.bench.load.ProgressListener;
import java.util.function.BiFunction;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** One progress bar per run on standard error, or none. */
final class ProgressBars {

    private ProgressBars() {}

    static BiFunction<String, Integer, ProgressListener> factory(boolean enabled) {
        if (!enabled) {
            return (label, max) -> ProgressListener.NONE;
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
}
