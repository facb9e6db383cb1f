package fiblab.bench.overload;

import fiblab.bench.http.ApiClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures what each path delivers flat out, the capacity the overload steps are multiples of.
 * Inline: a closed loop of {@code clients} for a while, right answers per second. Async: a burst
 * of jobs submitted at once, then results stored per second between the first and the last
 * completion, read from the job records (server time, free of polling delay).
 */
final class CapacityProbe {

    static final int SUBMIT_THREADS = 8;

    private CapacityProbe() {}

    static double inline(ApiClient client, int n, int clients, Duration duration) throws InterruptedException {
        InlineCall call = new InlineCall(client, n, client.requestTimeout());
        AtomicLong ok = new AtomicLong();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(
                    () -> {
                        while (System.nanoTime() - end < 0) {
                            if (call.call(start, System.nanoTime() - start).ok()) {
                                ok.incrementAndGet();
                            }
                        }
                    },
                    ApiClient.THREAD_PREFIX + "capacity-" + c);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return ok.get() / ((System.nanoTime() - start) / 1e9);
    }

    static double async(ApiClient client, int n, int jobs, Duration patience) throws InterruptedException {
        try (AsyncJobs async =
                new AsyncJobs(client, n, new PollingPolicy.FixedInterval(Duration.ofMillis(200)), patience, 2)) {
            // submitted from several threads at once: one thread's sequential POSTs would cap the burst below capacity
            List<OverloadSample> samples = OpenLoopSchedule.run(async::submit, 1e6, jobs, SUBMIT_THREADS);
            long first = Long.MAX_VALUE;
            long last = Long.MIN_VALUE;
            long done = 0;
            for (OverloadSample sample : samples) {
                if (sample.ok() && sample.completedMillis() >= 0) {
                    done++;
                    first = Math.min(first, sample.completedMillis());
                    last = Math.max(last, sample.completedMillis());
                }
            }
            // the drain rate between the first and the last result stored: the pipeline's start-up is not capacity
            return done < 2 || last <= first ? 0 : (done - 1) / ((last - first) / 1000.0);
        }
    }
}
