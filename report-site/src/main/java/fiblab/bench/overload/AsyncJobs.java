package fiblab.bench.overload;

import com.fasterxml.jackson.jr.ob.JSON;
import fiblab.bench.http.ApiClient;
import fiblab.bench.http.ApiResponse;
import fiblab.fib.FastDoubling;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Async jobs as a client with a polling policy sees them: {@code POST /jobs}, then
 * {@code GET /jobs/{id}} after each delay the policy chooses, until DONE or FAILED or the
 * client's patience (counted from the intended submit) runs out. The polls of all pending jobs
 * run on a few shared threads, so that a backlog of thousands of jobs needs no thread each.
 */
final class AsyncJobs implements AutoCloseable {

    private final ApiClient client;
    private final String body;
    private final String expected;
    private final PollingPolicy policy;
    private final long patienceNanos;
    private final ScheduledExecutorService pollers;

    AsyncJobs(ApiClient client, int n, PollingPolicy policy, Duration patience, int pollThreads) {
        this.client = client;
        this.body = "{\"n\":" + n + ",\"algorithm\":\"naive\"}";
        this.expected = FastDoubling.fib(n).toString();
        this.policy = policy;
        this.patienceNanos = patience.toNanos();
        this.pollers = Executors.newScheduledThreadPool(pollThreads, r -> {
            Thread t = new Thread(r, ApiClient.THREAD_PREFIX + "poll");
            t.setDaemon(true);
            return t;
        });
    }

    /** Submits now; the future completes when the job's outcome is known. */
    CompletableFuture<OverloadSample> submit(long stepStart, long stepStartMillis, long intended) {
        CompletableFuture<OverloadSample> result = new CompletableFuture<>();
        Job job = new Job(stepStart, stepStartMillis, intended, patienceNanos, result);
        try {
            ApiResponse response = client.postJson("/jobs", body);
            job.accepted = System.nanoTime() - stepStart;
            if (response.statusCode() != 202) {
                job.finish(ErrorKind.ofStatus(response.statusCode()), -1, -1);
                return result;
            }
            job.id = String.valueOf(JSON.std.mapFrom(response.body()).get("jobId"));
            schedule(job, response.retryAfterSeconds());
        } catch (IOException e) {
            job.finish(ErrorKind.of(e), -1, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            job.finish(ErrorKind.OTHER, -1, -1);
        }
        return result;
    }

    private void schedule(Job job, int retryAfterSeconds) {
        long delay = policy.delay(job.polls, retryAfterSeconds).toNanos();
        long giveUpIn = job.stepStart + job.intended + patienceNanos - System.nanoTime();
        if (delay >= giveUpIn) {
            pollers.schedule(() -> job.finish(ErrorKind.TIMEOUT, -1, -1), Math.max(0, giveUpIn), TimeUnit.NANOSECONDS);
            return;
        }
        pollers.schedule(() -> poll(job), delay, TimeUnit.NANOSECONDS);
    }

    private void poll(Job job) {
        job.polls++;
        try {
            ApiResponse response = client.get("/jobs/" + job.id);
            if (response.statusCode() != 200) {
                // an overloaded status route is not the job's end: try again after the policy's delay
                schedule(job, response.retryAfterSeconds());
                return;
            }
            Map<String, Object> record = JSON.std.mapFrom(response.body());
            String status = String.valueOf(record.get("status"));
            if ("DONE".equals(status)) {
                long completed =
                        record.get("completedAt") instanceof Number at ? at.longValue() - job.stepStartMillis : -1;
                long compute = record.get("computeMicros") instanceof Number micros ? micros.longValue() : -1;
                job.finish(
                        expected.equals(String.valueOf(record.get("value"))) ? null : ErrorKind.WRONG_OR_FAILED,
                        completed,
                        compute);
            } else if ("FAILED".equals(status)) {
                job.finish(ErrorKind.WRONG_OR_FAILED, -1, -1);
            } else {
                schedule(job, response.retryAfterSeconds());
            }
        } catch (IOException e) {
            schedule(job, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            job.finish(ErrorKind.OTHER, -1, -1);
        }
    }

    @Override
    public void close() {
        pollers.shutdownNow();
    }

    private static final class Job {
        final long stepStart;
        final long stepStartMillis;
        final long intended;
        final long patienceNanos;
        final CompletableFuture<OverloadSample> result;
        volatile String id;
        volatile long accepted = -1;
        volatile int polls;

        Job(
                long stepStart,
                long stepStartMillis,
                long intended,
                long patienceNanos,
                CompletableFuture<OverloadSample> result) {
            this.stepStart = stepStart;
            this.stepStartMillis = stepStartMillis;
            this.intended = intended;
            this.patienceNanos = patienceNanos;
            this.result = result;
        }

        void finish(ErrorKind error, long completedMillis, long computeMicros) {
            long latency = System.nanoTime() - stepStart - intended;
            result.complete(new OverloadSample(
                    intended,
                    latency,
                    ErrorKind.within(error, latency, patienceNanos),
                    accepted,
                    completedMillis,
                    computeMicros,
                    polls));
        }
    }
}
