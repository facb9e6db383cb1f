package fiblab.bench.throughput;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time used so far by this JVM (the local stack's gateway, functions, ElasticMQ and pollers,
 * and the load generator) and by its child processes (dynalite's {@code node}), read from
 * {@code /proc} on Linux; 0 for the children elsewhere. Differences of two readings give the CPU a
 * measurement cost, whatever else ran on the machine meanwhile.
 */
public record StackCpu(long jvmNanos, long childrenNanos) {

    /** Linux reports process times in clock ticks of 1/100 s (USER_HZ). */
    private static final long NANOS_PER_TICK = 10_000_000L;

    public static StackCpu now() {
        long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        long ticks = ProcessHandle.current()
                .descendants()
                .mapToLong(child -> ticks(Path.of("/proc", String.valueOf(child.pid()), "stat")))
                .sum();
        return new StackCpu(jvm, ticks * NANOS_PER_TICK);
    }

    public StackCpu since(StackCpu earlier) {
        return new StackCpu(jvmNanos - earlier.jvmNanos, childrenNanos - earlier.childrenNanos);
    }

    /**
     * Waits until the stack takes less than {@code cores} over one {@code window}, or {@code limit} has
     * passed, and returns the cores it took in the last window.
     */
    public static double waitUntilBelow(double cores, java.time.Duration window, java.time.Duration limit)
            throws InterruptedException {
        if (window.toMillis() < 1) {
            throw new IllegalArgumentException("a window of CPU needs at least 1 ms; got " + window);
        }
        long start = System.nanoTime();
        double taken;
        do {
            StackCpu before = StackCpu.now();
            long windowStart = System.nanoTime();
            Thread.sleep(window.toMillis());
            taken = StackCpu.now().since(before).seconds() / ((System.nanoTime() - windowStart) / 1e9);
        } while (taken > cores && System.nanoTime() - start < limit.toNanos());
        return taken;
    }

    /**
     * These CPU seconds (a difference of two readings) less what the idle stack, at {@code idleCores},
     * takes over the {@code elapsedNanos} they span; at least 0.
     */
    public double beyondIdle(double idleCores, long elapsedNanos) {
        return Math.max(0, seconds() - idleCores * elapsedNanos / 1e9);
    }

    /** This JVM's and its children's CPU together, in seconds. */
    public double seconds() {
        return (jvmNanos + childrenNanos) / 1e9;
    }

    /** utime + stime of one process, fields 14 and 15 of its stat line (after the command in parentheses). */
    static long ticks(Path stat) {
        try {
            String line = Files.readString(stat);
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException gone) {
            return 0; // the process ended, or this is not Linux
        }
    }
}
