package fiblab.bench.throughput;

import fiblab.bench.result.ThroughputFindings.Measurement;
import fiblab.fib.NaiveRecursion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The machine's compute limit for one workload: naive fib(n), the functions' own code, on every
 * core at once in this JVM, with no HTTP, no event and no Lambda emulation around it. No server
 * on this machine can answer fib(n) faster than this; it is the denominator of the inline ratio.
 */
public final class ComputeLimit {

    private ComputeLimit() {}

    /**
     * @param threads usually the number of cores
     * @param warmup  run, not counted, so that the JIT has compiled fib before counting starts
     * @param measure counted
     */
    public static Measurement measure(int n, int threads, Duration warmup, Duration measure)
            throws InterruptedException {
        AtomicLong done = new AtomicLong();
        AtomicLong sink = new AtomicLong();
        long start = System.nanoTime();
        long countFrom = start + warmup.toNanos();
        long end = countFrom + measure.toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(
                    () -> {
                        long local = 0;
                        long mine = 0;
                        long now;
                        while ((now = System.nanoTime()) - end < 0) {
                            local += NaiveRecursion.fib(n);
                            if (now - countFrom >= 0) {
                                mine++;
                            }
                        }
                        done.addAndGet(mine);
                        sink.addAndGet(local);
                    },
                    "bench-compute-limit-" + t);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        // one call alone, warm: the bare time of the workload on one core
        int singles = 20;
        long s0 = System.nanoTime();
        for (int i = 0; i < singles; i++) {
            sink.addAndGet(NaiveRecursion.fib(n));
        }
        double bareMillis = (System.nanoTime() - s0) / 1e6 / singles;
        return new Measurement(
                n,
                threads,
                measure.toMillis() / 1e3,
                done.get(),
                round(done.get() / (measure.toNanos() / 1e9)),
                round(bareMillis),
                sink.get() % 1000);
    }

    /**
     * CPU time of one naive fib(n) on this thread, the mean of {@code calls} warm calls: unlike a wall
     * time, other processes on the machine do not inflate it, so it can be set against CPU per job.
     */
    public static double bareCpuMillis(int n, int calls) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long sink = 0;
        long start = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < calls; i++) {
            sink += NaiveRecursion.fib(n);
        }
        long cpuNanos = threads.getCurrentThreadCpuTime() - start;
        return sink == 42 ? -1 : round(cpuNanos / 1e6 / calls);
    }

    /** Achieved over the limit, as a fraction (0.93 = 93 %); 0 when there is no limit. */
    public static double ratio(double achievedPerSecond, double limitPerSecond) {
        return limitPerSecond <= 0 ? 0 : Math.round(achievedPerSecond / limitPerSecond * 1000) / 1000.0;
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
