package fiblab.bench.overload;

import com.fasterxml.jackson.jr.ob.JSON;
import fiblab.bench.http.ApiClient;
import fiblab.bench.http.ApiResponse;
import fiblab.bench.model.Arrivals;
import fiblab.bench.model.LoadPoint;
import fiblab.bench.model.PathPrediction;
import fiblab.bench.throughput.StackCpu;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Feeds the queueing model the local stack's limits and measured service times and compares its
 * predictions with an overload run on the same stack. The model is calibrated from measurements
 * made apart from the steps it predicts (the capacity probes and requests sent one at a time; see
 * {@link Calibration}); each step is then predicted from its offered rate alone, never fitted to
 * its own result.
 */
public final class ModelValidation {

    /**
     * @param cores             CPUs the local stack shares (the machine's)
     * @param apiConcurrency    ApiFunction's concurrency on the stack (reserved, else 1,000)
     * @param workerBatches     batches the local poller runs at once (min of MaximumConcurrency and the cores)
     * @param batchSize         the template's BatchSize
     * @param calibrationCalls  inline requests (and as many submits and polls) sent one at a time for calibration
     */
    public record Stack(int cores, int apiConcurrency, int workerBatches, int batchSize, int calibrationCalls) {}

    /**
     * The measurement, the calibration and the rows.
     *
     * @param meanComputeMillis the median compute time of fib(n) alone (the name is kept for its readers)
     * @param inlineWorkMillis CPU per inline request the model used (cores / measured capacity)
     * @param calibration      everything the model was told, with the first probes' capacities
     * @param stepCalibrations the calibration each row was predicted from: the capacity probed just before its step
     * @param predictions      the model's whole prediction for each row (backlog, drain, requests per job too)
     * @param bands            for each row, the model over the capacity's repeatability (see {@link Band})
     */
    public record Report(
            OverloadReport measured,
            double meanComputeMillis,
            double inlineWorkMillis,
            double overheadMillis,
            double asyncPerJobOverheadMillis,
            List<ValidationRow> rows,
            Calibration calibration,
            List<Calibration> stepCalibrations,
            List<PathPrediction> predictions,
            List<Band> bands) {

        public double worstError() {
            return rows.stream().mapToDouble(ValidationRow::worstError).max().orElse(0);
        }

        /** Each path's capacity repeatability the bands were drawn over (the band of its first row). */
        public java.util.Map<String, Double> repeatability() {
            java.util.Map<String, Double> spread = new java.util.TreeMap<>();
            for (int k = 0; k < rows.size(); k++) {
                spread.putIfAbsent(rows.get(k).path(), bands.get(k).spread());
            }
            return spread;
        }

        /** Figures (p50, p99, goodput of every row) whose prediction is within {@code tolerance} of the measurement. */
        public long figuresWithin(double tolerance) {
            return rows.stream()
                    .mapToLong(r -> java.util.stream.DoubleStream.of(r.p50Error(), r.p99Error(), r.goodputError())
                            .filter(e -> Math.abs(e) <= tolerance)
                            .count())
                    .sum();
        }

        /** Figures within {@code tolerance} of the model at some capacity inside their row's band. */
        public long figuresWithinBands(double tolerance) {
            long within = 0;
            for (int k = 0; k < rows.size(); k++) {
                ValidationRow r = rows.get(k);
                Band b = bands.get(k);
                within += (b.p50().reaches(r.measuredP50Millis(), tolerance) ? 1 : 0)
                        + (b.p99().reaches(r.measuredP99Millis(), tolerance) ? 1 : 0)
                        + (b.goodput().reaches(r.measuredGoodputPerSecond(), tolerance) ? 1 : 0);
            }
            return within;
        }
    }

    /**
     * What the model predicts for a step when its capacity is {@code spread} lower or higher than probed:
     * the least and the most of each figure over the three capacities. Near 1x a few per cent of
     * capacity decide between no queue and a growing one, so a figure there can only be predicted as
     * well as the capacity was measured; the spread is that measurement's repeatability in this run
     * ({@link #repeatability}).
     */
    public record Band(double spread, Range p50, Range p99, Range goodput) {}

    /** The least and the most a figure came to over the band's capacities. */
    public record Range(double low, double high) {

        static Range of(double... values) {
            return new Range(
                    java.util.Arrays.stream(values).min().orElse(0),
                    java.util.Arrays.stream(values).max().orElse(0));
        }

        /**
         * Whether some prediction in the range is within {@code tolerance} of {@code measured}:
         * |prediction − measured| ≤ tolerance × measured for a prediction between low and high.
         */
        public boolean reaches(double measured, double tolerance) {
            return high >= measured * (1 - tolerance) && low <= measured * (1 + tolerance);
        }
    }

    /**
     * How far apart consecutive capacity probes of one path came in this run, as a share of their mean:
     * the median over each pair of neighbours (0 with fewer than two probes).
     */
    static double repeatability(List<Double> probes) {
        List<Double> differences = new ArrayList<>();
        for (int i = 1; i < probes.size(); i++) {
            double a = probes.get(i - 1);
            double b = probes.get(i);
            if (a + b > 0) {
                differences.add(Math.abs(b - a) / ((a + b) / 2));
            }
        }
        return differences.isEmpty() ? 0 : Calibration.median(differences);
    }

    /** The widest band: probes that far apart say nothing about a step's capacity that the model could use. */
    static final double MAX_SPREAD = 0.5;

    /** How long the calibration waits after its submits for the worker to drain their jobs. */
    static final Duration DRAIN_WAIT = Duration.ofSeconds(3);

    /** The stack counts as settled below this much CPU. */
    static final double IDLE_CORES = 0.2;

    /** The longest the calibration waits for the stack to settle after the steps. */
    static final Duration SETTLE_LIMIT = Duration.ofSeconds(120);

    /** How long the calibration reads the idle stack's CPU before its submits. */
    static final Duration IDLE_WAIT = Duration.ofSeconds(2);

    private ModelValidation() {}

    /**
     * Measures the steps, each right after a capacity probe of its path (on a machine whose other
     * load comes and goes, a probe taken minutes earlier no longer says what the stack can do), then
     * calibrates and predicts every step from the probe taken just before it. A step's multiple is of
     * that probe's capacity; the report's capacities are the first probes'.
     */
    public static Report run(
            URI api, String target, OverloadRunner.Settings settings, Stack stack, java.io.PrintWriter log)
            throws InterruptedException {
        if (settings.multiples().isEmpty()) {
            throw new IllegalArgumentException("the validation needs at least one load multiple to predict");
        }
        OverloadRunner runner = new OverloadRunner(api, target, settings, log);
        runner.warmUp();
        List<OverloadStep> steps = new ArrayList<>();
        List<double[]> capacities = new ArrayList<>();
        for (String path : List.of("inline", "async")) {
            for (double multiple : settings.multiples()) {
                boolean inline = path.equals("inline");
                double capacity = inline ? runner.probeInline() : runner.probeAsync();
                steps.add(inline ? runner.inlineStep(multiple, capacity) : runner.asyncStep(multiple, capacity));
                capacities.add(new double[] {inline ? capacity : Double.NaN, inline ? Double.NaN : capacity});
                runner.pause();
            }
        }
        double firstInline = capacities.get(0)[0];
        double firstAsync = capacities.get(settings.multiples().size())[1];
        OverloadReport measured = runner.report(firstInline, firstAsync, steps);
        Calibration calibration = calibrate(api, settings, stack, measured, log);
        List<Calibration> perStep = capacities.stream()
                .map(c -> calibration.withCapacities(
                        Double.isNaN(c[0]) ? firstInline : c[0], Double.isNaN(c[1]) ? firstAsync : c[1]))
                .toList();
        java.util.Map<String, Double> spread = java.util.Map.of(
                "inline",
                        repeatability(capacities.stream()
                                .map(c -> c[0])
                                .filter(c -> !Double.isNaN(c))
                                .toList()),
                "async",
                        repeatability(capacities.stream()
                                .map(c -> c[1])
                                .filter(c -> !Double.isNaN(c))
                                .toList()));
        return predict(measured, calibration, perStep, spread);
    }

    /** The model beside every measured step, from one calibration made apart from them. */
    public static Report predict(OverloadReport measured, Calibration calibration) {
        return predict(
                measured,
                calibration,
                measured.steps().stream().map(step -> calibration).toList(),
                java.util.Map.of());
    }

    /**
     * The model beside every measured step, each from its own calibration ({@code perStep}, in step
     * order), and over its path's capacity {@code spread} (none for a path not in it).
     */
    static Report predict(
            OverloadReport measured,
            Calibration calibration,
            List<Calibration> perStep,
            java.util.Map<String, Double> spread) {
        List<ValidationRow> rows = new ArrayList<>();
        List<PathPrediction> predictions = new ArrayList<>();
        List<Band> bands = new ArrayList<>();
        long seed = 1;
        for (int k = 0; k < measured.steps().size(); k++) {
            OverloadStep step = measured.steps().get(k);
            Calibration c = perStep.get(k);
            LoadPoint load = new LoadPoint(step.offeredPerSecond(), step.durationSeconds(), Arrivals.UNIFORM, seed++);
            PathPrediction p = predictOne(step.path(), c, load);
            double u = Math.min(MAX_SPREAD, spread.getOrDefault(step.path(), 0.0));
            PathPrediction lower = predictOne(step.path(), scaled(c, step.path(), 1 - u), load);
            PathPrediction higher = predictOne(step.path(), scaled(c, step.path(), 1 + u), load);
            bands.add(new Band(
                    u,
                    Range.of(nanToZero(p.p50Millis()), nanToZero(lower.p50Millis()), nanToZero(higher.p50Millis())),
                    Range.of(nanToZero(p.p99Millis()), nanToZero(lower.p99Millis()), nanToZero(higher.p99Millis())),
                    Range.of(p.goodputPerSecond(), lower.goodputPerSecond(), higher.goodputPerSecond())));
            predictions.add(p);
            boolean async = step.path().equals("async");
            rows.add(new ValidationRow(
                    step.path(),
                    step.multiple(),
                    step.offeredPerSecond(),
                    step.p50Millis(),
                    nanToZero(p.p50Millis()),
                    step.p99Millis(),
                    nanToZero(p.p99Millis()),
                    step.goodputPerSecond(),
                    p.goodputPerSecond(),
                    async
                            ? new ValidationRow.Queue(
                                    step.peakBacklog(),
                                    p.peakBacklog(),
                                    step.drainSeconds(),
                                    p.drainSeconds(),
                                    step.drainCutShort())
                            : null));
        }
        return new Report(
                measured,
                calibration.computeSeconds() * 1000,
                calibration.inlineWorkSeconds() * 1000,
                calibration.inlineOverheadSeconds() * 1000,
                calibration.asyncPerJobSeconds() * 1000,
                List.copyOf(rows),
                calibration,
                List.copyOf(perStep),
                List.copyOf(predictions),
                List.copyOf(bands));
    }

    private static PathPrediction predictOne(String path, Calibration c, LoadPoint load) {
        return path.equals("inline")
                ? c.inlineModel().predict(load, c.inlineWork(), c.inlineExtraLatency())
                : c.asyncModel().predict(load, c.workerCompute());
    }

    /** The calibration with the path's capacity times {@code factor}. */
    private static Calibration scaled(Calibration c, String path, double factor) {
        return path.equals("inline")
                ? c.withCapacities(c.inlineCapacity() * factor, c.asyncCapacity())
                : c.withCapacities(c.inlineCapacity(), c.asyncCapacity() * factor);
    }

    /**
     * Requests one at a time, after the steps (the functions are warm): inline calls for the compute
     * time and a lone request's latency, then submits and polls of those jobs for theirs. The stack's
     * CPU time (this JVM and dynalite) is read around the polls, less what the stack takes while idle
     * (its pollers, the collector), read over {@link #IDLE_WAIT} before the submits; a burst of submits
     * then tells the CPU of a submit from that of a drained job ({@link CpuSplit}).
     */
    static Calibration calibrate(
            URI api, OverloadRunner.Settings settings, Stack stack, OverloadReport measured, java.io.PrintWriter log)
            throws InterruptedException {
        List<Double> compute = new ArrayList<>();
        List<Double> alone = new ArrayList<>();
        List<Double> submits = new ArrayList<>();
        List<Double> polls = new ArrayList<>();
        double pollCpu;
        Crowding crowding;
        CpuSplit split;
        waitForIdle(log);
        try (ApiClient client = new ApiClient(api, settings.patience())) {
            InlineCall call = new InlineCall(client, settings.n(), settings.patience());
            for (int i = 0; i < stack.calibrationCalls(); i++) {
                long start = System.nanoTime();
                OverloadSample sample = call.call(start, 0);
                if (sample.ok() && sample.computeMicros() >= 0) {
                    compute.add(sample.computeMicros() / 1e6);
                    alone.add(sample.latencyNanos() / 1e9);
                }
            }
            crowding = crowding(api, settings, log);
            String body = "{\"n\":" + settings.n() + ",\"algorithm\":\"naive\"}";
            List<String> ids = new ArrayList<>();
            StackCpu beforeIdle = StackCpu.now();
            long idleStart = System.nanoTime();
            Thread.sleep(IDLE_WAIT.toMillis());
            double idleCores = StackCpu.now().since(beforeIdle).seconds() / ((System.nanoTime() - idleStart) / 1e9);
            log.printf(java.util.Locale.ROOT, "calibration: the idle stack takes %.3f cores%n", idleCores);
            for (int i = 0; i < stack.calibrationCalls(); i++) {
                long start = System.nanoTime();
                ApiResponse response = client.postJson("/jobs", body);
                if (response.statusCode() == 202) {
                    submits.add((System.nanoTime() - start) / 1e9);
                    ids.add(String.valueOf(JSON.std.mapFrom(response.body()).get("jobId")));
                }
            }
            Thread.sleep(DRAIN_WAIT.toMillis());
            StackCpu beforePolls = StackCpu.now();
            long pollsStart = System.nanoTime();
            for (String id : ids) {
                long start = System.nanoTime();
                if (client.get("/jobs/" + id).statusCode() == 200) {
                    polls.add((System.nanoTime() - start) / 1e9);
                }
            }
            double lonePollCpu = StackCpu.now().since(beforePolls).beyondIdle(idleCores, System.nanoTime() - pollsStart)
                    / Math.max(1, ids.size());
            pollCpu = concurrentPollCpu(client, ids, settings.pollThreads(), idleCores);
            log.printf(
                    java.util.Locale.ROOT,
                    "calibration: stack CPU per poll %.2f ms sent one at a time, %.2f ms from %d threads at once"
                            + " (the model takes the second: the steps' client polls from its %d threads)%n",
                    lonePollCpu * 1000,
                    pollCpu * 1000,
                    settings.pollThreads(),
                    settings.pollThreads());
            split = CpuSplit.measure(client, body, stack.calibrationCalls(), idleCores, log);
        } catch (IOException e) {
            throw new IllegalStateException("calibration could not reach " + api + ": " + e.getMessage(), e);
        }
        if (compute.isEmpty() || submits.isEmpty() || polls.isEmpty()) {
            throw new IllegalStateException(
                    "calibration got no inline answer with computeMicros, no 202 or no poll answer from " + api);
        }
        return new Calibration(
                stack.cores(),
                stack.apiConcurrency(),
                stack.workerBatches(),
                stack.batchSize(),
                measured.inlineCapacity(),
                measured.asyncCapacity(),
                Calibration.median(compute),
                Calibration.median(alone),
                Calibration.median(submits),
                Calibration.median(polls),
                settings.patience().toMillis() / 1000.0,
                settings.jobPatience().toMillis() / 1000.0,
                pollInterval(settings.pollingPolicy()),
                settings.maxInFlight(),
                Calibration.beyondMedian(alone),
                split.submitCpuSeconds(),
                split.workerCpuSeconds(),
                pollCpu,
                settings.pollThreads(),
                settings.probeClients(),
                crowding.share(),
                crowding.requestsPerPause(),
                crowding.pauseSeconds());
    }

    /**
     * What many inline requests in flight cost, and the stack JVM's stop-the-world collections while
     * they ran: answers per collection and their mean length (0, 0 when none).
     */
    record Crowding(double share, double requestsPerPause, double pauseSeconds) {

        static final Crowding NOT_MEASURED = new Crowding(1, 0, 0);
    }

    /**
     * Collections and milliseconds spent in them so far, summed over the JVM's collectors. On JDK 17
     * with G1 (this project's) the young and old generation beans count the stop-the-world pauses
     * but not G1's remark and cleanup pauses, which no bean reports there; on other collectors the
     * "Cycles" beans of ZGC and Shenandoah would count concurrent work. The load generator runs in
     * the same JVM, so its garbage counts too: the pauses are the whole process's, as the stack feels them.
     */
    private static long[] collections() {
        long count = 0;
        long millis = 0;
        for (java.lang.management.GarbageCollectorMXBean gc :
                java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            // G1's concurrent cycles (JDK 21+: "G1 Concurrent GC") do not stop the application
            if (gc.getName().contains("Concurrent") || gc.getCollectionCount() < 0) {
                continue;
            }
            count += gc.getCollectionCount();
            millis += Math.max(0, gc.getCollectionTime());
        }
        return new long[] {count, millis};
    }

    /**
     * Inline capacity with as many clients as the open loop may have in flight, over that with the
     * probe's clients: three closed loops back to back (few, many, few again, the two fews averaged so
     * that a drift between them cancels), and the stack JVM's collections over all three (the stack
     * runs in this JVM). The model takes the pauses; the share is recorded and printed, not modelled. Not measured (a share of 1, no pauses) when a probe answered nothing, or a
     * probe long enough for each of the many clients to get a few answers would take more than a minute.
     */
    static Crowding crowding(URI api, OverloadRunner.Settings settings, java.io.PrintWriter log)
            throws InterruptedException {
        int few = settings.probeClients();
        int many = settings.maxInFlight();
        Duration probe = OverloadRunner.seconds(settings.probeSeconds());
        try (ApiClient client = new ApiClient(api, CROWDED_PROBE_TIMEOUT)) {
            long[] before = collections();
            double first = CapacityProbe.inline(client, settings.n(), few, probe);
            if (many <= few || first * probe.toMillis() / 1000.0 < CROWDED_ANSWERS_PER_CLIENT * many) {
                log.printf(
                        java.util.Locale.ROOT,
                        "calibration: %.1f answers/s with %d clients is too few for %d clients to get %d answers"
                                + " each in %.0f s; crowding and pauses not measured%n",
                        first,
                        few,
                        many,
                        CROWDED_ANSWERS_PER_CLIENT,
                        settings.probeSeconds());
                return Crowding.NOT_MEASURED;
            }
            double crowded = CapacityProbe.inline(client, settings.n(), many, probe);
            double again = CapacityProbe.inline(client, settings.n(), few, probe);
            long[] after = collections();
            double spaced = (first + again) / 2;
            double measuredShare = first + again > 0 && crowded > 0 ? Math.min(1, crowded / spaced) : 1;
            double noise = spaced > 0 ? Math.abs(again - first) / spaced : 1;
            // printed, not given to the model: a closed loop of many clients does not load the stack as the open
            // loop does (02:13 UTC run: 256 clients did 0.857 of 16, the open loop with up to 256 in flight
            // delivered 1.07-1.17 times the 16-client probe at 1.5x-3x), so its share predicted too slow a path
            double share = measuredShare;
            double answers = (first + crowded + again) * settings.probeSeconds();
            long pauses = after[0] - before[0];
            double requestsPerPause = pauses > 0 ? answers / pauses : 0;
            double pauseSeconds = pauses > 0 ? (after[1] - before[1]) / 1000.0 / pauses : 0;
            log.printf(
                    java.util.Locale.ROOT,
                    "calibration: inline capacity with %d clients %.1f/s, with %d clients %.1f/s, with %d again %.1f/s:"
                            + " the crowded loop does %.3f of the spaced one (the spaced ones differ by %.3f; not modelled:"
                            + " a closed loop of many clients does not crowd the stack as the open loop does);"
                            + " %d collections, one per %.0f answers, %.1f ms each%n",
                    few,
                    first,
                    many,
                    crowded,
                    few,
                    again,
                    measuredShare,
                    noise,
                    pauses,
                    requestsPerPause,
                    pauseSeconds * 1000);
            return new Crowding(
                    share, requestsPerPause >= 1 ? requestsPerPause : 0, requestsPerPause >= 1 ? pauseSeconds : 0);
        }
    }

    /**
     * Stack CPU per status poll when {@code threads} threads poll the stored jobs at once, each going
     * through all of them, as the steps' client does with its poll threads: a poll among others costs
     * less than a lone one (wake-ups and round trips are shared), and charging the lone cost to
     * thousands of polling clients slowed the model's worker to half where the stack's was not.
     */
    static double concurrentPollCpu(ApiClient client, List<String> ids, int threads, double idleCores)
            throws InterruptedException {
        if (ids.isEmpty()) {
            return 0;
        }
        java.util.concurrent.atomic.AtomicLong sent = new java.util.concurrent.atomic.AtomicLong();
        StackCpu before = StackCpu.now();
        long start = System.nanoTime();
        ClientThreads.runAll("calibration-poll", threads, t -> () -> {
            int offset = t * ids.size() / threads;
            for (int i = 0; i < ids.size() && !Thread.currentThread().isInterrupted(); i++) {
                try {
                    client.get("/jobs/" + ids.get((offset + i) % ids.size()));
                    sent.incrementAndGet();
                } catch (IOException e) {
                    return;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        return StackCpu.now().since(before).beyondIdle(idleCores, System.nanoTime() - start) / Math.max(1, sent.get());
    }

    /** Answers each of the crowded probe's clients should get at least, for its rate to mean something. */
    static final int CROWDED_ANSWERS_PER_CLIENT = 4;

    /** The crowded probe's request timeout: its requests wait behind hundreds of others. */
    static final Duration CROWDED_PROBE_TIMEOUT = Duration.ofSeconds(60);

    /**
     * Waits, at most {@link #SETTLE_LIMIT}, until the stack takes less than {@link #IDLE_CORES}: the
     * worker goes on draining the jobs the last async step's clients gave up on (thousands at 3×).
     */
    private static void waitForIdle(java.io.PrintWriter log) throws InterruptedException {
        long start = System.nanoTime();
        double cores = StackCpu.waitUntilBelow(IDLE_CORES, Duration.ofSeconds(1), SETTLE_LIMIT);
        log.printf(
                java.util.Locale.ROOT,
                "calibration: waited %.0f s for the stack to settle (%.3f cores in the last second)%n",
                (System.nanoTime() - start) / 1e9,
                cores);
    }

    /** The interval the model's client polls at: Retry-After's 1 s for the polite client, else the policy's first delay. */
    static double pollInterval(PollingPolicy policy) {
        return policy.delay(0, 1).toMillis() / 1000.0;
    }

    private static double nanToZero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    static Duration seconds(double s) {
        return Duration.ofMillis((long) (s * 1000));
    }
}
