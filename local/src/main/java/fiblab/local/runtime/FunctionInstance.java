package fiblab.local.runtime;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One execution environment: a handler object built once through its environment constructor,
 * and the thread its invocations run on. Reused while warm; discarded after a timeout, as Lambda
 * discards an environment whose invocation timed out.
 */
final class FunctionInstance {

    private final int number;
    private final ExecutorService thread;
    private Object handler;
    private long initNanos = -1;
    private boolean initReported;

    FunctionInstance(String functionName, int number) {
        this.number = number;
        this.thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread t = new Thread(runnable, functionName + "-instance-" + number);
            t.setDaemon(true);
            return t;
        });
    }

    int number() {
        return number;
    }

    ExecutorService thread() {
        return thread;
    }

    boolean isInitialised() {
        return handler != null;
    }

    /** Runs the handler's constructor (Lambda's init phase) and remembers how long it took. */
    void initialise(HandlerReference reference, java.util.Map<String, String> environment) throws Exception {
        long start = System.nanoTime();
        try {
            handler = reference.environmentConstructor().newInstance(environment);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        initNanos = System.nanoTime() - start;
    }

    Object handler() {
        return handler;
    }

    /** The init duration to report on this instance's first invocation, then never again. */
    long takeInitNanos() {
        if (initReported) {
            return -1;
        }
        initReported = true;
        return initNanos;
    }

    void discard() {
        thread.shutdownNow();
    }
}
