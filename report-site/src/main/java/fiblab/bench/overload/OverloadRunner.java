package fiblab.bench.overload;

import fiblab.bench.http.ApiClient;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The overload scenario: measure each path's capacity, then offer open-loop load at multiples of
 * it (0.5×, 1×, 1.5×, 2×, 3× by default), each step for a fixed time, and record what a client
 * sees: goodput within patience, errors by kind, p50/p99, p99 per second, and for async the
 * backlog and the time it takes to drain after the load stops. Every step is bounded: inline by the
 * client's patience, async by the patience of the last job.
 */
public record OverloadRunner(URI api, String target, Settings settings, PrintWriter log) {

    /**
     * @param n               naive fib(n) for every request and job
     * @param multiples       offered load over measured capacity
     * @param stepSeconds     how long each step offers load
     * @param patience        the inline client's patience: its request timeout
     * @param jobPatience     the async client's patience: how long after the intended submit it still polls
     * @param maxInFlight     the inline open loop's threads (requests in flight at most)
     * @param probeSeconds    inline capacity probe length
     * @param probeClients    inline capacity probe's closed-loop clients
     * @param probeJobs       async capacity probe's burst
     * @param pollingPolicy   how the async client polls
     * @param pollThreads     threads shared by all pending jobs' polls
     * @param pauseSeconds    quiet time between steps
     * @param warmupSeconds   unrecorded load on both paths before the probes, so that the JIT has compiled
     *                        the functions (a cold JVM computes fib several times slower)
     */
    public record Settings(
            int n,
            List<Double> multiples,
            double stepSeconds,
            Duration patience,
            Duration jobPatience,
            int maxInFlight,
            double probeSeconds,
            int probeClients,
            int probeJobs,
            PollingPolicy pollingPolicy,
            int pollThreads,
            double pauseSeconds,
            double warmupSeconds) {

        public static Settings defaults(int n) {
            return new Settings(
                    n,
                    List.of(0.5, 1.0, 1.5, 2.0, 3.0),
                    10,
                    Duration.ofSeconds(30),
                    Duration.ofSeconds(30),
                    256,
                    5,
                    // enough clients to saturate the stack: a closed loop of a few is bound by its own round trips
                    16,
                    200,
                    new PollingPolicy.HonourRetryAfter(Duration.ofSeconds(1)),
                    4,
                    2,
                    15);
        }
    }

    public OverloadReport run() throws InterruptedException {
        warmUp();
        double inlineCapacity = probeInline();
        double asyncCapacity = probeAsync();
        List<OverloadStep> steps = new ArrayList<>();
        for (double multiple : settings.multiples()) {
            steps.add(inlineStep(multiple, inlineCapacity));
            pause();
        }
        for (double multiple : settings.multiples()) {
            steps.add(asyncStep(multiple, asyncCapacity));
            pause();
        }
        return report(inlineCapacity, asyncCapacity, steps);
    }

    /** Unrecorded load on both paths, so that the JIT has compiled the functions. */
    public void warmUp() throws InterruptedException {
        if (settings.warmupSeconds() > 0) {
            say("warming up for %.0f s (not recorded)", settings.warmupSeconds());
            try (ApiClient client = new ApiClient(api, settings.patience())) {
                CapacityProbe.inline(client, settings.n(), settings.probeClients(), seconds(settings.warmupSeconds()));
                CapacityProbe.async(client, settings.n(), settings.probeJobs() / 2);
            }
        }
    }

    /** The inline path's capacity now: right answers per second of a closed loop. */
    public double probeInline() throws InterruptedException {
        try (ApiClient client = new ApiClient(api, settings.patience())) {
            double capacity = CapacityProbe.inline(
                    client, settings.n(), settings.probeClients(), seconds(settings.probeSeconds()));
            say("inline capacity at n=%d: %.1f answers/s", settings.n(), capacity);
            return capacity;
        }
    }

    /** The async path's capacity now: the steady drain rate of a burst of jobs. */
    public double probeAsync() throws InterruptedException {
        try (ApiClient client = new ApiClient(api, settings.patience())) {
            double capacity = CapacityProbe.async(client, settings.n(), settings.probeJobs());
            say("async capacity at n=%d: %.1f jobs/s", settings.n(), capacity);
            return capacity;
        }
    }

    /** The steps as a report, with the capacities their multiples refer to. */
    public OverloadReport report(double inlineCapacity, double asyncCapacity, List<OverloadStep> steps) {
        return new OverloadReport(
                settings.n(),
                inlineCapacity,
                asyncCapacity,
                settings.patience().toMillis() / 1000.0,
                settings.jobPatience().toMillis() / 1000.0,
                settings.pollingPolicy().label(),
                target,
                List.copyOf(steps));
    }

    /** One inline step at {@code rate}; public so that the validation harness can offer the rates it predicts. */
    public OverloadStep inlineStep(double multiple, double capacity) throws InterruptedException {
        double rate = Math.max(0.5, multiple * capacity);
        int count = (int) Math.round(rate * settings.stepSeconds());
        try (ApiClient client = new ApiClient(api, settings.patience())) {
            InlineCall call = new InlineCall(client, settings.n(), settings.patience());
            List<OverloadSample> samples = OpenLoopSchedule.run(
                    (start, startMillis, intended) ->
                            java.util.concurrent.CompletableFuture.completedFuture(call.call(start, intended)),
                    rate,
                    count,
                    settings.maxInFlight());
            return report(StepStats.of("inline", multiple, rate, settings.stepSeconds(), samples));
        }
    }

    public OverloadStep asyncStep(double multiple, double capacity) throws InterruptedException {
        double rate = Math.max(0.5, multiple * capacity);
        int count = (int) Math.round(rate * settings.stepSeconds());
        try (ApiClient client = new ApiClient(api, Duration.ofSeconds(10));
                AsyncJobs jobs = new AsyncJobs(
                        client,
                        settings.n(),
                        settings.pollingPolicy(),
                        settings.jobPatience(),
                        settings.pollThreads())) {
            // a submit takes milliseconds, so a few threads keep the schedule; polls run on the shared pollers
            List<OverloadSample> samples = OpenLoopSchedule.run(jobs::submit, rate, count, SUBMIT_THREADS);
            return report(StepStats.of("async", multiple, rate, settings.stepSeconds(), withStored(samples, jobs)));
        }
    }

    /**
     * The samples, the jobs given up on with when the worker stored them after all: the step's backlog
     * and drain are the queue's, not only those of the jobs answered within patience.
     */
    private List<OverloadSample> withStored(List<OverloadSample> samples, AsyncJobs jobs) throws InterruptedException {
        long givenUp = StepStats.unstored(samples);
        if (givenUp == 0) {
            return samples;
        }
        say(
                "  the client gave up on %d accepted jobs; reading when the worker stores them (at most %d s)",
                givenUp, STORED_LIMIT.toSeconds());
        long start = System.nanoTime();
        java.util.Map<Long, Long> stored = jobs.storedAfterPatience(STORED_LIMIT);
        say(
                "  %d of them read as ended (stored, or failed), %.1f s after the step's last answer%s",
                stored.size(),
                (System.nanoTime() - start) / 1e9,
                stored.size() < givenUp ? " (the rest not within the limit: the drain is a lower bound)" : "");
        return samples.stream()
                .map(s -> s.completedMillis() < 0 && stored.containsKey(s.intendedNanos())
                        ? s.storedAt(stored.get(s.intendedNanos()))
                        : s)
                .toList();
    }

    /** The async step's client sends its submits from this many threads: at most as many in flight. */
    static final int SUBMIT_THREADS = 16;

    /** The longest a step waits for the worker to store the jobs its client gave up on. */
    static final Duration STORED_LIMIT = Duration.ofSeconds(180);

    private OverloadStep report(OverloadStep step) {
        say(
                "%s %.1fx (%.1f/s for %.0f s): goodput %d of %d (%.1f/s), p50 %.0f ms, p99 %.0f ms, errors %s%s",
                step.path(),
                step.multiple(),
                step.offeredPerSecond(),
                step.durationSeconds(),
                step.goodput(),
                step.sent(),
                step.goodputPerSecond(),
                step.p50Millis(),
                step.p99Millis(),
                step.errors(),
                step.path().equals("async")
                        ? String.format(
                                Locale.ROOT,
                                ", peak backlog %d, drained %s%.1f s after the load, %.2f API requests per job",
                                step.peakBacklog(),
                                step.drainCutShort() ? "more than " : "",
                                step.drainSeconds(),
                                step.apiRequestsPerJob())
                        : "");
        return step;
    }

    void pause() throws InterruptedException {
        Thread.sleep((long) (settings.pauseSeconds() * 1000));
    }

    private void say(String format, Object... args) {
        if (log != null) {
            log.println(String.format(Locale.ROOT, format, args));
            log.flush();
        }
    }

    static Duration seconds(double seconds) {
        return Duration.ofMillis((long) (seconds * 1000));
    }
}
