package fiblab.bench.overload;

import com.fasterxml.jackson.jr.ob.JSON;
import fiblab.bench.http.ApiClient;
import fiblab.bench.http.ApiResponse;
import fiblab.fib.FastDoubling;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
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
    /** Accepted jobs whose client gave up before it saw them stored, in the order it gave up. */
    private final ConcurrentLinkedQueue<Job> givenUp = new ConcurrentLinkedQueue<>();

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
        Job job = new Job(stepStart, stepStartMillis, intended, patienceNanos, result, givenUp);
        try {
            ApiResponse response = client.postJson("/jobs", body);
            if (response.statusCode() != 202) {
                // not accepted: no job waits for the worker (a 504 here is not a backlog that never drains)
                job.finish(ErrorKind.ofStatus(response.statusCode()), -1, -1);
                return result;
            }
            job.accepted = System.nanoTime() - stepStart;
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

    /**
     * When the server stored the jobs the client gave up on, read from their records once the worker
     * has got to them: without it a step's backlog would never shrink by them and its drain would end
     * at the last job answered in time, seconds before the queue was empty (at 3x most jobs are given
     * up on). Watches the last job given up on (the queue is close to first in, first out), then reads
     * every record; a job still pending is read again each {@link #REREAD} until {@code limit}. Jobs
     * not stored by then are left out of the map; a job that ended without a completion time (FAILED,
     * or no record) is in it as {@link OverloadSample#ENDED_WITHOUT_TIME}. Polling thousands of records every second would
     * take the CPU from the worker whose drain it measures, hence one watched job.
     *
     * @return the given-up jobs' completion times (ms from their step's start) by their intended send (ns)
     */
    Map<Long, Long> storedAfterPatience(Duration limit) throws InterruptedException {
        List<Job> pending = new ArrayList<>(givenUp);
        Map<Long, Long> stored = new HashMap<>();
        long deadline = System.nanoTime() + limit.toNanos();
        while (!pending.isEmpty()) {
            Job last = pending.get(pending.size() - 1);
            boolean timeUp = System.nanoTime() - deadline >= 0;
            if (timeUp || storedAt(last) != NOT_STORED) {
                for (java.util.Iterator<Job> it = pending.iterator(); it.hasNext(); ) {
                    if (!timeUp && System.nanoTime() - deadline >= 0) {
                        break; // thousands of reads one after another must not outlast the limit either
                    }
                    Job job = it.next();
                    long at = storedAt(job);
                    if (at != NOT_STORED) {
                        it.remove();
                        stored.put(job.intended, at >= 0 ? at : OverloadSample.ENDED_WITHOUT_TIME);
                    }
                }
                if (timeUp) {
                    break;
                }
            }
            if (!pending.isEmpty()) {
                Thread.sleep(REREAD.toMillis());
            }
        }
        return stored;
    }

    /** How often {@link #storedAfterPatience} reads the watched job. */
    static final Duration REREAD = Duration.ofMillis(500);

    private static final long NOT_STORED = Long.MIN_VALUE;

    /**
     * The job's completedAt relative to its step, {@link #NOT_STORED} while it is pending or the
     * record cannot be read for now, -1 when it ended without a completion time (FAILED, none
     * recorded, or no such job).
     */
    private long storedAt(Job job) throws InterruptedException {
        try {
            ApiResponse response = client.get("/jobs/" + job.id);
            if (response.statusCode() == 404) {
                return -1; // no such job (any more): waiting for it would only run the limit out
            }
            if (response.statusCode() != 200) {
                return NOT_STORED;
            }
            Map<String, Object> record = JSON.std.mapFrom(response.body());
            String status = String.valueOf(record.get("status"));
            if (!"DONE".equals(status) && !"FAILED".equals(status)) {
                return NOT_STORED;
            }
            return record.get("completedAt") instanceof Number at ? at.longValue() - job.stepStartMillis : -1;
        } catch (IOException e) {
            return NOT_STORED;
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
        final ConcurrentLinkedQueue<Job> givenUp;
        volatile String id;
        volatile long accepted = -1;
        volatile int polls;

        Job(
                long stepStart,
                long stepStartMillis,
                long intended,
                long patienceNanos,
                CompletableFuture<OverloadSample> result,
                ConcurrentLinkedQueue<Job> givenUp) {
            this.stepStart = stepStart;
            this.stepStartMillis = stepStartMillis;
            this.intended = intended;
            this.patienceNanos = patienceNanos;
            this.result = result;
            this.givenUp = givenUp;
        }

        void finish(ErrorKind error, long completedMillis, long computeMicros) {
            long latency = System.nanoTime() - stepStart - intended;
            ErrorKind outcome = ErrorKind.within(error, latency, patienceNanos);
            if (outcome == ErrorKind.TIMEOUT && completedMillis < 0 && id != null) {
                givenUp.add(this);
            }
            result.complete(
                    new OverloadSample(intended, latency, outcome, accepted, completedMillis, computeMicros, polls));
        }
    }
}
