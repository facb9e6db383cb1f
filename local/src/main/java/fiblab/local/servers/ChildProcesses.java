package fiblab.local.servers;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Every child process the local stack starts, so that none outlives it: a JVM shutdown hook
 * (Ctrl-C, SIGTERM, normal exit) stops whatever is still running. A SIGKILLed JVM runs no hook;
 * for that case the child itself watches its stdin (see {@code local/dynalite/run.js}).
 */
public final class ChildProcesses {

    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();
    private static volatile boolean shuttingDown;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ChildProcesses::stopAll, "fiblab-child-reaper"));
    }

    private ChildProcesses() {}

    /** Starts the process and tracks it until {@link #stop} is called or the JVM ends. */
    public static Process start(ProcessBuilder builder) throws IOException {
        Process process = builder.start();
        RUNNING.add(process);
        return process;
    }

    /** Stops the process and its descendants: politely first, forcibly after {@code grace}. */
    public static void stop(Process process, Duration grace) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        descendants.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        RUNNING.remove(process);
    }

    /** Stops tracking a child that has exited by itself. */
    static void forget(Process process) {
        RUNNING.remove(process);
    }

    /** Process ids of the children still running: what a test checks after shutdown. */
    public static Set<Long> runningPids() {
        Set<Long> pids = ConcurrentHashMap.newKeySet();
        RUNNING.stream().filter(Process::isAlive).forEach(p -> pids.add(p.pid()));
        return pids;
    }

    /** True once the JVM is stopping its children: a supervisor must not start them again. */
    public static boolean shuttingDown() {
        return shuttingDown;
    }

    static void stopAll() {
        shuttingDown = true;
        for (Process process : List.copyOf(RUNNING)) {
            stop(process, Duration.ofSeconds(2));
        }
    }
}
