package fiblab.bench.load;

import fiblab.bench.http.ApiClient;
import fiblab.bench.path.Operation;
import fiblab.bench.path.Sample;
import java.util.ArrayList;
import java.util.List;

/**
 * What the closed and the open loop share: their client threads (named, joined, their CPU time
 * counted), and sending one operation, timed from when it was due and from when it was sent.
 */
final class LoadClients {

    private LoadClients() {}

    /** Runs {@code body} on {@code count} threads named after the loop, and waits for all of them. */
    static void runAll(String mode, int count, ClientCpu cpu, Runnable body) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Thread thread = new Thread(
                    () -> {
                        try {
                            body.run();
                        } finally {
                            cpu.addCurrentThread();
                        }
                    },
                    ApiClient.THREAD_PREFIX + "load-" + mode + "-" + i);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }

    /**
     * Sends one operation now and records it: its latency from {@code dueNanos} (the closed loop's
     * operations are due when they are sent; the open loop's when the schedule said) and its
     * service time from the actual send.
     */
    static void send(Operation operation, long dueNanos, RunRecorder recorder, ProgressListener progress) {
        recorder.sent();
        long sentAt = System.nanoTime();
        Sample sample = safely(operation);
        long end = System.nanoTime();
        recorder.record(sample, end - dueNanos, end - sentAt);
        progress.completed();
    }

    static Sample safely(Operation operation) {
        try {
            return operation.call();
        } catch (RuntimeException e) {
            return Sample.failed("client-" + e.getClass().getSimpleName());
        }
    }
}
