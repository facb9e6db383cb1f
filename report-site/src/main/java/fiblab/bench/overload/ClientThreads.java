package fiblab.bench.overload;

import fiblab.bench.http.ApiClient;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The client threads of a probe, a burst or a schedule: started together, named after what they do,
 * waited for, and interrupted all together when the wait is, so that none outlives the measurement.
 */
final class ClientThreads {

    private ClientThreads() {}

    /**
     * Runs {@code body.apply(i)} on thread {@code i} of {@code count} and returns when all have ended.
     *
     * @param name what the threads do; they are called {@code THREAD_PREFIX + name + "-" + i}
     * @throws InterruptedException when interrupted while waiting, after interrupting every thread
     */
    static void runAll(String name, int count, IntFunction<Runnable> body) throws InterruptedException {
        List<Thread> threads = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Thread thread = new Thread(body.apply(i), ApiClient.THREAD_PREFIX + name + "-" + i);
            threads.add(thread);
            thread.start();
        }
        try {
            for (Thread thread : threads) {
                thread.join();
            }
        } catch (InterruptedException e) {
            threads.forEach(Thread::interrupt);
            throw e;
        }
    }
}
