package fiblab.bench.load;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.BiFunction;

/**
 * Where a benchmark run reports: the directory its files (HdrHistogram logs, servers' logs) land in,
 * the progress display each load run gets, and the log it says what it does in.
 *
 * @param dataDir  the site's {@code data/} directory
 * @param progress makes a listener for a load run, given its label and planned count
 * @param log      where the run says what it does and how it chose what the settings left open
 */
public record RunOutput(Path dataDir, BiFunction<String, Integer, ProgressListener> progress, PrintWriter log) {

    /** A progress listener for one load run of {@code planned} operations. */
    public ProgressListener progress(String label, int planned) {
        return progress.apply(label, planned);
    }

    /** Writes one line to the log, at once. */
    public void say(String line) {
        log.println(line);
        log.flush();
    }
}
