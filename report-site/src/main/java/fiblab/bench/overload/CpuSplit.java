package fiblab.bench.overload;

import com.fasterxml.jackson.jr.ob.JSON;
import fiblab.bench.http.ApiClient;
import fiblab.bench.http.ApiResponse;
import fiblab.bench.throughput.StackCpu;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The stack's CPU per submit and per drained job, apart. A job submitted one at a time is drained
 * while the next is submitted, so their CPU cannot be told apart that way. Instead: a burst of
 * submits from several threads, the stack's CPU read over the burst and over the drain that follows
 * it (until the stack is idle again), and each job's {@code completedAt} read afterwards, which says
 * how many of them the worker finished while the burst was still coming. With {@code S} submits,
 * {@code D1} jobs done during the burst and {@code D2} after it:
 * <pre>
 *   worker CPU per job = drain CPU / D2
 *   submit CPU         = (burst CPU − D1 × worker CPU per job) / S
 * </pre>
 * Both less what the idle stack takes over the same time. With no job done after the burst there is
 * nothing to divide by: both are then 0, which the model reads as not measured (no sharing).
 *
 * @param submitCpuSeconds the stack's CPU per POST /jobs (client, gateway, handler, the local servers)
 * @param workerCpuSeconds the stack's CPU per job the worker drains (receive, claim, compute, result, delete)
 * @param submitted        jobs the burst got a 202 for (the submit CPU is per answered submit)
 * @param doneInBurst      of them, done before the burst's last 202
 * @param doneAfter        of them, done after it
 */
record CpuSplit(double submitCpuSeconds, double workerCpuSeconds, int submitted, int doneInBurst, int doneAfter) {

    /** Threads the burst submits from: enough that the submits, not one client's round trips, are what is measured. */
    static final int SUBMIT_THREADS = 8;

    /** The drain counts as over when the stack takes less than this many cores above idle for {@link #IDLE_WINDOW}. */
    static final double IDLE_CORES = 0.2;

    static final Duration IDLE_WINDOW = Duration.ofMillis(250);

    /** The longest the measurement waits for the worker to drain the burst. */
    static final Duration DRAIN_LIMIT = Duration.ofSeconds(30);

    /** Submits without an answer in a row after which the burst stops: the stack is down, nothing to measure. */
    static final int FAILURES_TO_GIVE_UP = 5;

    /** The smallest burst: a few dozen jobs could all be drained before the last 202, leaving nothing to divide by. */
    static final int MIN_JOBS = 100;

    static CpuSplit measure(ApiClient client, String body, int requested, double idleCores, PrintWriter log)
            throws InterruptedException {
        int jobs = Math.max(MIN_JOBS, requested);
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger failuresInARow = new AtomicInteger();
        StackCpu beforeBurst = StackCpu.now();
        long burstStart = System.nanoTime();
        ClientThreads.runAll("cpu-split", SUBMIT_THREADS, t -> () -> {
            while (next.getAndIncrement() < jobs && failuresInARow.get() < FAILURES_TO_GIVE_UP) {
                try {
                    ApiResponse response = client.postJson("/jobs", body);
                    answered.incrementAndGet();
                    failuresInARow.set(0);
                    if (response.statusCode() == 202) {
                        ids.add(String.valueOf(JSON.std.mapFrom(response.body()).get("jobId")));
                    }
                } catch (IOException e) {
                    // no answer: it took no server CPU worth counting; many in a row end the burst
                    failuresInARow.incrementAndGet();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        });
        long burstEndMillis = System.currentTimeMillis();
        StackCpu afterBurst = StackCpu.now();
        long burstEnd = System.nanoTime();
        double burstCpu = afterBurst.since(beforeBurst).beyondIdle(idleCores, burstEnd - burstStart);

        double left = StackCpu.waitUntilBelow(idleCores + IDLE_CORES, IDLE_WINDOW, DRAIN_LIMIT);
        if (left > idleCores + IDLE_CORES) {
            log.printf(
                    Locale.ROOT,
                    "calibration: the stack still took %.2f cores %d s after the burst; the drain's CPU includes"
                            + " what else ran%n",
                    left,
                    DRAIN_LIMIT.toSeconds());
        }
        StackCpu afterDrain = StackCpu.now();
        double drainCpu = afterDrain.since(afterBurst).beyondIdle(idleCores, System.nanoTime() - burstEnd);

        int doneInBurst = 0;
        int doneAfter = 0;
        for (String id : ids) {
            try {
                Map<String, Object> job =
                        JSON.std.mapFrom(client.get("/jobs/" + id).body());
                if ("DONE".equals(job.get("status")) && job.get("completedAt") instanceof Number at) {
                    if (at.longValue() <= burstEndMillis) {
                        doneInBurst++;
                    } else {
                        doneAfter++;
                    }
                }
            } catch (IOException e) {
                // a job whose record cannot be read is left out of both counts
            }
        }
        CpuSplit split = of(burstCpu, drainCpu, answered.get(), ids.size(), doneInBurst, doneAfter);
        if (split.workerCpuSeconds() == 0) {
            log.printf(
                    Locale.ROOT,
                    "calibration: no CPU split (%d accepted, %d done during the burst, %d after): the model's worker"
                            + " shares no CPU%n",
                    ids.size(),
                    doneInBurst,
                    doneAfter);
            return split;
        }
        log.printf(
                Locale.ROOT,
                "calibration: a burst of %d submits took %.3f s of stack CPU, %d jobs done during it; the drain of %d"
                        + " more took %.3f s: %.2f ms per submit, %.2f ms per drained job%n",
                split.submitted(),
                burstCpu,
                doneInBurst,
                doneAfter,
                drainCpu,
                split.submitCpuSeconds() * 1000,
                split.workerCpuSeconds() * 1000);
        return split;
    }

    /**
     * The split from the CPU read over the burst and the drain, in seconds, and the requests counted: the
     * burst's CPU is shared by every answered submit (a refused one costs the stack too), the jobs by
     * the 202s; see the class.
     */
    static CpuSplit of(double burstCpu, double drainCpu, int answered, int accepted, int doneInBurst, int doneAfter) {
        if (answered == 0 || doneAfter == 0) {
            return new CpuSplit(0, 0, accepted, doneInBurst, doneAfter);
        }
        double worker = drainCpu / doneAfter;
        double submit = Math.max(0, (burstCpu - doneInBurst * worker) / answered);
        return new CpuSplit(submit, worker, accepted, doneInBurst, doneAfter);
    }
}
