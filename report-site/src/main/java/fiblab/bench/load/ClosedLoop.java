package fiblab.bench.load;

import fiblab.bench.path.Operation;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A closed loop: N clients, each sending its next operation as soon as the previous one finished,
 * until the planned count is sent or the time budget is spent (operations in flight then finish).
 * It is how the seed experiment was run; it under-samples slow periods (coordinated omission), so
 * its results are shown beside the open loop's.
 */
public final class ClosedLoop {

    private ClosedLoop() {}

    public static LoadRun run(
            Operation operation, int clients, int requests, Duration budget, ProgressListener progress)
            throws InterruptedException {
        if (clients < 1 || requests < 0) {
            throw new IllegalArgumentException("clients must be >= 1 and requests >= 0");
        }
        RunRecorder recorder = new RunRecorder();
        ClientCpu cpu = new ClientCpu();
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        long deadline = start + budget.toNanos();
        LoadClients.runAll("closed", clients, cpu, () -> {
            while (System.nanoTime() - deadline < 0 && next.getAndIncrement() < requests) {
                LoadClients.send(operation, System.nanoTime(), recorder, progress);
            }
        });
        long duration = System.nanoTime() - start;
        boolean stopped = recorder.sentCount() < requests;
        return new LoadRun("closed", clients, 0, requests, recorder, duration, stopped, cpu.totalNanos());
    }
}
