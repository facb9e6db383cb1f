package fiblab.bench.result;

import fiblab.bench.load.RunRecorder;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * Writes a run's histograms as one HdrHistogram log (tagged interval histograms, values in
 * microseconds), readable with HistogramLogReader or HdrHistogram's plotting tools.
 */
public final class HistogramLogs {

    private HistogramLogs() {}

    public static void write(Path file, RunRecorder recorder) throws IOException {
        Files.createDirectories(file.getParent());
        try (PrintStream out = new PrintStream(Files.newOutputStream(file), false, StandardCharsets.UTF_8)) {
            HistogramLogWriter writer = new HistogramLogWriter(out);
            writer.outputComment("fiblab benchmark histograms; values in microseconds");
            writer.outputLogFormatVersion();
            writer.outputLegend();
            write(writer, "latency", recorder.latency());
            write(writer, "serviceTime", recorder.serviceTime());
            write(writer, "accepted", recorder.accepted());
            write(writer, "compute", recorder.compute());
            write(writer, "queueWait", recorder.queueWait());
            write(writer, "write", recorder.write());
            write(writer, "serverTotal", recorder.serverTotal());
        }
    }

    private static void write(HistogramLogWriter writer, String tag, Histogram histogram) {
        if (histogram.getTotalCount() == 0) {
            return;
        }
        Histogram copy = histogram.copy();
        copy.setTag(tag);
        copy.setStartTimeStamp(0);
        copy.setEndTimeStamp(0);
        writer.outputIntervalHistogram(copy);
    }
}
