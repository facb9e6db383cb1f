package fiblab.handler;

import fiblab.aws.CallBudget;
import fiblab.job.JobWorker;
import fiblab.observe.StructuredLogger;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** A worker handler for tests that records each visibility change as {@code "<receiptHandle> <seconds>"}. */
final class RecordingWorkerHandler {

    private RecordingWorkerHandler() {}

    static WorkerHandler over(JobWorker worker, List<String> delays) {
        return new WorkerHandler(
                worker,
                (receiptHandle, seconds) -> delays.add(receiptHandle + " " + seconds),
                new StructuredLogger(
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                        StructuredLogger.Level.INFO,
                        Map.of()),
                CallBudget.unbounded(),
                List.of());
    }
}
