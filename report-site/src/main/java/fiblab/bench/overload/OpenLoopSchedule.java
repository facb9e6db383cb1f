package fiblab.bench.overload;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends task i at step start + i / rate from a bounded pool of threads, whatever happened to the
 * others (open loop). When every thread is busy a send starts late, and its lateness counts in its
 * latency, which is measured from the intended time. Bounded by the count.
 */
final class OpenLoopSchedule {

    /** One send: given the step's start and the intended offset (both nano time), its outcome, perhaps later. */
    @FunctionalInterface
    interface Task {
        CompletableFuture<OverloadSample> send(long stepStart, long stepStartMillis, long intended);
    }

    /** One send that also knows its place in the schedule (0, 1, 2, …), to share one schedule among clients. */
    @FunctionalInterface
    interface IndexedTask {
        CompletableFuture<OverloadSample> send(int index, long stepStart, long stepStartMillis, long intended);
    }

    private OpenLoopSchedule() {}

    static List<OverloadSample> run(Task task, double ratePerSecond, int count, int threads)
            throws InterruptedException {
        return run(
                (IndexedTask) (index, start, startMillis, intended) -> task.send(start, startMillis, intended),
                ratePerSecond,
                count,
                threads);
    }

    static List<OverloadSample> run(IndexedTask task, double ratePerSecond, int count, int threads)
            throws InterruptedException {
        if (!(ratePerSecond > 0) || count < 0 || threads < 1) {
            throw new IllegalArgumentException("rate must be > 0, count >= 0, threads >= 1");
        }
        List<CompletableFuture<OverloadSample>> futures = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            futures.add(new CompletableFuture<>());
        }
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        long startMillis = System.currentTimeMillis();
        ClientThreads.runAll("overload", threads, w -> () -> {
            int i;
            while ((i = next.getAndIncrement()) < count) {
                long intended = Math.round(i * 1e9 / ratePerSecond);
                long remaining;
                while ((remaining = start + intended - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(remaining);
                }
                CompletableFuture<OverloadSample> target = futures.get(i);
                task.send(i, start, startMillis, intended).whenComplete((sample, failure) -> {
                    if (failure != null) {
                        target.completeExceptionally(failure);
                    } else {
                        target.complete(sample);
                    }
                });
            }
        });
        List<OverloadSample> samples = new ArrayList<>(count);
        for (CompletableFuture<OverloadSample> future : futures) {
            try {
                samples.add(future.get());
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("a send failed unexpectedly", e.getCause());
            }
        }
        return samples;
    }
}
