package fiblab.bench.overload;

import fiblab.bench.http.ApiClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures what each path delivers flat out, the capacity the overload steps are multiples of.
 * Inline: a closed loop of {@code clients} for a while, right answers per second. Async: a burst
 * of jobs submitted at once, then results stored per second in the steady middle of the drain,
 * read from the job records (server time, free of polling delay).
 */
final class CapacityProbe {

    static final int SUBMIT_THREADS = 8;

    /**
     * The probe reads completion times from the job records, so its polls only need to find each job
     * once; polling a burst of pending jobs often would take CPU from the workers it measures.
     */
    static final Duration PROBE_POLL_INTERVAL = Duration.ofSeconds(2);

    /**
     * How long the burst probe's client waits for a job: long enough for the whole burst to drain,
     * whatever patience the steps' clients have (a job given up on has no completion time to count).
     */
    static final Duration PROBE_PATIENCE = Duration.ofSeconds(120);

    private CapacityProbe() {}

    static double inline(ApiClient client, int n, int clients, Duration duration) throws InterruptedException {
        InlineCall call = new InlineCall(client, n, client.requestTimeout());
        AtomicLong ok = new AtomicLong();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        ClientThreads.runAll("capacity", clients, c -> () -> {
            while (System.nanoTime() - end < 0) {
                if (call.call(start, System.nanoTime() - start).ok()) {
                    ok.incrementAndGet();
                }
            }
        });
        return ok.get() / ((System.nanoTime() - start) / 1e9);
    }

    static double async(ApiClient client, int n, int jobs) throws InterruptedException {
        try (AsyncJobs async =
                new AsyncJobs(client, n, new PollingPolicy.FixedInterval(PROBE_POLL_INTERVAL), PROBE_PATIENCE, 2)) {
            // submitted from several threads at once: one thread's sequential POSTs would cap the burst below capacity
            List<OverloadSample> samples = OpenLoopSchedule.run(async::submit, 1e6, jobs, SUBMIT_THREADS);
            long[] completed = samples.stream()
                    .filter(sample -> sample.ok() && sample.completedMillis() >= 0)
                    .mapToLong(OverloadSample::completedMillis)
                    .sorted()
                    .toArray();
            return steadyRate(completed);
        }
    }

    /**
     * Results per second between the 20th and the 80th percentile of the completion times: the
     * pipeline's start (the first batches are still being received) and its tail (the last few
     * jobs, when fewer workers are busy than could be) are not the path's capacity.
     */
    static double steadyRate(long[] sortedCompletionMillis) {
        int count = sortedCompletionMillis.length;
        if (count < 5) {
            return count < 2 || sortedCompletionMillis[count - 1] <= sortedCompletionMillis[0]
                    ? 0
                    : (count - 1) / ((sortedCompletionMillis[count - 1] - sortedCompletionMillis[0]) / 1000.0);
        }
        int from = count / 5;
        int to = count - 1 - count / 5;
        long span = sortedCompletionMillis[to] - sortedCompletionMillis[from];
        return span <= 0 ? 0 : (to - from) / (span / 1000.0);
    }
}
