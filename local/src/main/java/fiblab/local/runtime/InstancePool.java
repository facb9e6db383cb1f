package fiblab.local.runtime;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A function's execution environments, bounded by its concurrency. Warm instances are reused
 * most-recently-used first (as Lambda tends to); a new one is made only when none is idle.
 */
final class InstancePool {

    private final String functionName;
    private final Semaphore permits;
    private final Deque<FunctionInstance> idle = new ArrayDeque<>();
    private final List<FunctionInstance> all = new ArrayList<>();
    private final AtomicInteger created = new AtomicInteger();

    InstancePool(String functionName, int concurrency) {
        this.functionName = functionName;
        this.permits = new Semaphore(concurrency, true);
    }

    /**
     * A free instance, or a new one, within the concurrency limit.
     *
     * @param admission THROTTLE refuses at once when the limit is reached (synchronous invoke),
     *                  WAIT blocks until an instance frees up (event source mapping)
     */
    FunctionInstance acquire(Admission admission) throws ThrottledException, InterruptedException {
        if (admission == Admission.THROTTLE) {
            if (!permits.tryAcquire()) {
                throw new ThrottledException(functionName);
            }
        } else {
            permits.acquire();
        }
        synchronized (this) {
            FunctionInstance warm = idle.pollFirst();
            if (warm != null) {
                return warm;
            }
            FunctionInstance cold = new FunctionInstance(functionName, created.incrementAndGet());
            all.add(cold);
            return cold;
        }
    }

    /** Gives the instance back; one that timed out or failed to initialise is discarded instead. */
    void release(FunctionInstance instance, boolean reusable) {
        synchronized (this) {
            if (reusable) {
                idle.addFirst(instance);
            } else {
                all.remove(instance);
                instance.discard();
            }
        }
        permits.release();
    }

    /** How many execution environments were created so far: cold starts. */
    int instancesCreated() {
        return created.get();
    }

    synchronized void close() {
        all.forEach(FunctionInstance::discard);
        all.clear();
        idle.clear();
    }
}
