package fiblab.bench.load;

import fiblab.bench.http.ApiClient;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.LongAdder;

/**
 * CPU time spent by the load generator itself: its load threads, named {@code bench-*}, from
 * which the HTTP client also sends (each adds its own time when it ends), measured as a difference. The server may share the JVM (the local stack), so process CPU time would not do.
 */
final class ClientCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final LongAdder loadThreads = new LongAdder();
    private final long clientThreadsAtStart = clientThreadsCpu();

    /** Called by each load thread as its last act. */
    void addCurrentThread() {
        if (THREADS.isCurrentThreadCpuTimeSupported()) {
            loadThreads.add(THREADS.getCurrentThreadCpuTime());
        }
    }

    long totalNanos() {
        return loadThreads.sum() + Math.max(0, clientThreadsCpu() - clientThreadsAtStart);
    }

    private static long clientThreadsCpu() {
        if (!THREADS.isThreadCpuTimeSupported()) {
            return 0;
        }
        long total = 0;
        for (long id : THREADS.getAllThreadIds()) {
            ThreadInfo info = THREADS.getThreadInfo(id);
            if (info != null
                    && isClientThread(info.getThreadName())
                    && !info.getThreadName().contains("load-")) {
                total += Math.max(0, THREADS.getThreadCpuTime(id));
            }
        }
        return total;
    }

    private static boolean isClientThread(String name) {
        return name.startsWith(ApiClient.THREAD_PREFIX);
    }
}
