package fiblab.bench.load;

import fiblab.bench.path.Operation;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * An open loop: operation i is due at start + i / rate, whatever happened to the others, and its
 * latency is measured from that intended time. When the server falls behind, the waiting shows up
 * as latency instead of silently lowering the send rate (the coordinated omission a closed loop
 * hides). A bounded pool of workers sends; if all are busy, the next operation starts late and its
 * lateness is counted. The run ends after the planned count, or when the budget is spent.
 */
public final class OpenLoop {

    private OpenLoop() {}

    public static LoadRun run(
            Operation operation,
            double ratePerSecond,
            int requests,
            int maxInFlight,
            Duration budget,
            ProgressListener progress)
            throws InterruptedException {
        if (ratePerSecond <= 0 || maxInFlight < 1 || requests < 0) {
            throw new IllegalArgumentException("rate must be > 0, maxInFlight >= 1 and requests >= 0");
        }
        RunRecorder recorder = new RunRecorder();
        ClientCpu cpu = new ClientCpu();
        AtomicInteger next = new AtomicInteger();
        double periodNanos = 1e9 / ratePerSecond;
        long start = System.nanoTime();
        long deadline = start + budget.toNanos();
        LoadClients.runAll("open", maxInFlight, cpu, () -> {
            int i;
            while ((i = next.getAndIncrement()) < requests) {
                long intended = start + Math.round(i * periodNanos);
                if (intended - deadline > 0) {
                    break;
                }
                sleepUntil(intended);
                LoadClients.send(operation, intended, recorder, progress);
            }
        });
        long duration = System.nanoTime() - start;
        boolean stopped = recorder.sentCount() < requests;
        return new LoadRun("open", maxInFlight, ratePerSecond, requests, recorder, duration, stopped, cpu.totalNanos());
    }

    private static void sleepUntil(long nanoTime) {
        long remaining;
        while ((remaining = nanoTime - System.nanoTime()) > 0) {
            LockSupport.parkNanos(remaining);
        }
    }
}
