package fiblab.bench.throughput;

import com.fasterxml.jackson.jr.ob.JSON;
import fiblab.bench.http.ApiClient;
import fiblab.bench.http.ApiResponse;
import fiblab.bench.path.JobSubmit;
import fiblab.bench.stats.Histograms;
import fiblab.fib.FastDoubling;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * Async jobs through the whole path — submit, queue, worker, result stored — as a well-behaved
 * client sees them: {@code jobs} submitted by {@code clients} threads as fast as the API takes them,
 * each job polled only when its last answer's {@code Retry-After} says (never on a timer of the
 * client's own). Jobs per second count right results from the first submit to the last result
 * stored (the job records' {@code completedAt}), so the politeness of the polling does not lower
 * the rate, while the polls it makes still load the machine as they would. The time to result is
 * what that client waited: submit until the poll that saw DONE.
 */
final class AsyncThroughput {

    /** When an answer carries no Retry-After, the client waits this long (the API's own default). */
    static final Duration FALLBACK_RETRY_AFTER = Duration.ofSeconds(1);

    /** The polls of all pending jobs share a few threads: a backlog of thousands needs no thread each. */
    static final int POLL_THREADS = 4;

    /**
     * @param lastResultSeconds first submit to the last result stored
     * @param requestsPerJob    submits and polls per job
     */
    record Outcome(
            long done,
            long failed,
            double submitSeconds,
            double lastResultSeconds,
            double achievedPerSecond,
            double resultP50Millis,
            double resultP99Millis,
            double requestsPerJob) {}

    private final ApiClient client;
    private final JobSubmit submit;
    private final String expected;
    private final Duration patience;
    private final Histogram toResult = Histograms.concurrent();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong lastCompletedAt = new AtomicLong(Long.MIN_VALUE);
    private ScheduledExecutorService pollers;
    private CountDownLatch finished;

    AsyncThroughput(ApiClient client, int n, Duration patience) {
        this.client = client;
        this.submit = new JobSubmit(client, n, "naive");
        this.expected = FastDoubling.fib(n).toString();
        this.patience = patience;
    }

    Outcome run(int jobs, int clients) throws InterruptedException {
        pollers = Executors.newScheduledThreadPool(POLL_THREADS, r -> {
            Thread t = new Thread(r, ApiClient.THREAD_PREFIX + "async-throughput-poll");
            t.setDaemon(true);
            return t;
        });
        finished = new CountDownLatch(jobs);
        long startMillis = System.currentTimeMillis();
        long start = System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        List<Thread> submitters = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(
                    () -> {
                        while (next.getAndIncrement() < jobs) {
                            submitOne();
                        }
                    },
                    ApiClient.THREAD_PREFIX + "async-throughput-" + c);
            submitters.add(thread);
            thread.start();
        }
        for (Thread thread : submitters) {
            thread.join();
        }
        double submitSeconds = (System.nanoTime() - start) / 1e9;
        try {
            finished.await(patience.toSeconds() + 30, TimeUnit.SECONDS);
        } finally {
            pollers.shutdownNow();
        }
        long last = lastCompletedAt.get();
        double lastResultSeconds = last == Long.MIN_VALUE ? 0 : Math.max(0.001, (last - startMillis) / 1e3);
        return new Outcome(
                done.get(),
                failed.get() + finished.getCount(),
                round(submitSeconds),
                round(lastResultSeconds),
                lastResultSeconds == 0 ? 0 : round(done.get() / lastResultSeconds),
                round(toResult.getValueAtPercentile(50) / 1e3),
                round(toResult.getValueAtPercentile(99) / 1e3),
                round(requests.get() / (double) jobs));
    }

    private void submitOne() {
        long submitted = System.nanoTime();
        requests.incrementAndGet();
        JobSubmit.Accepted accepted = submit.submit();
        if (!accepted.ok()) {
            end(false);
            return;
        }
        pollAfter(accepted.jobId(), submitted, accepted.retryAfterSeconds());
    }

    private void pollAfter(String jobId, long submitted, int retryAfterSeconds) {
        long delay =
                retryAfterSeconds >= 0 ? TimeUnit.SECONDS.toNanos(retryAfterSeconds) : FALLBACK_RETRY_AFTER.toNanos();
        if (System.nanoTime() + delay - submitted > patience.toNanos()) {
            end(false);
            return;
        }
        pollers.schedule(() -> poll(jobId, submitted), delay, TimeUnit.NANOSECONDS);
    }

    private void poll(String jobId, long submitted) {
        requests.incrementAndGet();
        try {
            ApiResponse response = client.get("/jobs/" + jobId);
            Map<String, Object> job = response.statusCode() == 200 ? JSON.std.mapFrom(response.body()) : Map.of();
            Object status = job.get("status");
            if ("DONE".equals(status)) {
                Histograms.recordNanos(toResult, System.nanoTime() - submitted);
                if (job.get("completedAt") instanceof Number completedAt) {
                    lastCompletedAt.accumulateAndGet(completedAt.longValue(), Math::max);
                }
                end(expected.equals(String.valueOf(job.get("value"))));
            } else if ("FAILED".equals(status)) {
                end(false);
            } else {
                pollAfter(jobId, submitted, response.retryAfterSeconds());
            }
        } catch (IOException e) {
            pollAfter(jobId, submitted, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            end(false);
        }
    }

    private void end(boolean right) {
        (right ? done : failed).incrementAndGet();
        finished.countDown();
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
