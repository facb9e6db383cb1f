package fiblab.bench.throughput;

import com.fasterxml.jackson.jr.ob.JSON;
import fiblab.bench.http.ApiClient;
import fiblab.bench.load.ClosedLoop;
import fiblab.bench.load.LoadRun;
import fiblab.bench.load.OpenLoop;
import fiblab.bench.load.ProgressListener;
import fiblab.bench.load.RunOutput;
import fiblab.bench.path.InlinePath;
import fiblab.bench.result.HistogramLogs;
import fiblab.bench.result.Run;
import fiblab.bench.result.RunResult;
import fiblab.bench.result.RunSpec;
import fiblab.bench.result.ScenarioResult;
import fiblab.bench.result.ThroughputFindings;
import fiblab.bench.result.ThroughputFindings.External;
import fiblab.bench.result.ThroughputFindings.Flatness;
import fiblab.bench.result.ThroughputFindings.InlineThroughput;
import fiblab.bench.result.ThroughputFindings.Measurement;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Two goals of the inline and async paths, measured in one run:
 * <ul>
 * <li>inline throughput: naive fib(n) through the gateway at a number of closed-loop clients, as a
 * fraction of the machine's compute limit (every core running fib(n) bare, measured just before
 * and just after; the higher of the two is the limit);</li>
 * <li>async flatness: the submit latency ({@code POST /jobs} to {@code 202}, open loop) at a small
 * and a large n, while the workers compute; the ratio of the p99s should stay near 1;</li>
 * <li>async throughput: jobs/s through the whole async path with a client that honours
 * {@code Retry-After} ({@link AsyncThroughput}), as a fraction of the compute limit.</li>
 * </ul>
 */
public record ThroughputBench(ApiClient client, Settings settings, RunOutput output) {

    public static final String SCENARIO = "throughput";

    /** Issue 12's goal for the async path: jobs/s at least this share of the compute limit. */
    static final double ASYNC_GOAL = 0.3;

    /** @param flatnessN two or more n values, smallest first; the ratio compares the last with the first */
    public record Settings(
            int n,
            int clients,
            int requests,
            Duration pathWarmup,
            Duration limitWarmup,
            Duration limitMeasure,
            List<Integer> flatnessN,
            double flatnessRate,
            int flatnessRequests,
            int asyncJobs,
            Duration budget,
            Duration drainTimeout) {

        /** How it ran, as results.json records it. */
        public ThroughputFindings.Settings record() {
            return new ThroughputFindings.Settings(
                    n,
                    clients,
                    requests,
                    pathWarmup.toMillis() / 1e3,
                    limitWarmup.toMillis() / 1e3,
                    limitMeasure.toMillis() / 1e3,
                    flatnessN,
                    flatnessRate,
                    flatnessRequests);
        }
    }

    /** The scenario for results.json: its runs, the compute limit, and the two ratios. */
    public ScenarioResult run() throws IOException, InterruptedException {
        int cores = Runtime.getRuntime().availableProcessors();
        List<Run> runs = new ArrayList<>();
        // Unrecorded warm-ups of both measured paths at their own shapes: the JIT compiles the gateway,
        // the function and the submit path before anything counts (the first seconds recompile thousands of methods).
        // Time-bounded: on this machine the JIT needs some 15 s of load before the inline path stops getting faster.
        long warmUntil = System.nanoTime() + settings.pathWarmup().toNanos();
        int warmBatch = Math.max(settings.clients(), settings.requests() / 5);
        do {
            try (ProgressListener bar = output.progress("throughput warm-up inline", warmBatch)) {
                ClosedLoop.run(
                        new InlinePath(client, settings.n(), "naive"),
                        settings.clients(),
                        warmBatch,
                        settings.budget(),
                        bar);
            }
        } while (System.nanoTime() - warmUntil < 0);
        try (ProgressListener bar = output.progress("throughput warm-up submit", settings.flatnessRequests() / 2)) {
            SubmitPath warm = new SubmitPath(client, settings.flatnessN().get(0));
            OpenLoop.run(
                    warm,
                    settings.flatnessRate(),
                    settings.flatnessRequests() / 2,
                    Math.max(10, (int) Math.ceil(settings.flatnessRate())),
                    settings.budget(),
                    bar);
            drain(warm.jobIds());
        }
        output.say("throughput: compute limit, fib(" + settings.n() + ") bare on " + cores + " threads");
        Measurement before = ComputeLimit.measure(settings.n(), cores, settings.limitWarmup(), settings.limitMeasure());
        Run inline;
        long cpuBefore = processCpuNanos();
        try (ProgressListener bar = output.progress(
                "throughput inline naive n=" + settings.n() + " c=" + settings.clients(), settings.requests())) {
            LoadRun run = ClosedLoop.run(
                    new InlinePath(client, settings.n(), "naive"),
                    settings.clients(),
                    settings.requests(),
                    settings.budget(),
                    bar);
            inline = record(new RunSpec(SCENARIO, "inline", "naive", settings.n()), run);
        }
        long cpuNanos = processCpuNanos() - cpuBefore;
        runs.add(inline);
        External external = external();
        output.say("throughput: compute limit again");
        Measurement after = ComputeLimit.measure(settings.n(), cores, settings.limitWarmup(), settings.limitMeasure());
        double limit = Math.max(before.perSecond(), after.perSecond());
        double achieved = inline.throughputPerSecond();

        Map<Integer, Double> submitP99s = new LinkedHashMap<>();
        for (int n : settings.flatnessN()) {
            SubmitPath submit = new SubmitPath(client, n);
            try (ProgressListener bar = output.progress(
                    "throughput submit n=" + n + " @" + settings.flatnessRate() + "/s", settings.flatnessRequests())) {
                LoadRun run = OpenLoop.run(
                        submit,
                        settings.flatnessRate(),
                        settings.flatnessRequests(),
                        Math.max(10, (int) Math.ceil(settings.flatnessRate())),
                        settings.budget(),
                        bar);
                Run result = record(new RunSpec(SCENARIO, "submit", "naive", n), run)
                        .withJobsDrainedSeconds(drain(submit.jobIds()));
                submitP99s.put(n, result.latency().p99());
                runs.add(result);
            }
        }

        ThroughputFindings.AsyncThroughput async = settings.asyncJobs() > 0 ? async(after) : null;

        // CPU of this whole JVM (gateway, function, load generator) per answered request, against the bare
        // compute: what the emulation and the generator cost, whatever else ran on the machine meanwhile.
        double okCount = Math.max(1, inline.ok());
        double cpuPerRequest = cpuNanos / 1e6 / okCount;
        double bare = Math.min(before.bareMillisOneCore(), after.bareMillisOneCore());
        InlineThroughput inlineGoal = new InlineThroughput(
                achieved,
                limit,
                ComputeLimit.ratio(achieved, limit),
                0.9,
                Math.round(cpuPerRequest * 1000) / 1000.0,
                bare,
                cpuPerRequest <= 0 ? 0 : Math.round(bare / cpuPerRequest * 1000) / 1000.0);
        if (external.perSecond() != null) {
            external = external.against(ComputeLimit.ratio(external.perSecond(), limit), 0.9);
        }
        return new ScenarioResult(
                SCENARIO,
                "Inline throughput against the machine's compute limit, and async submit latency as n grows.",
                runs,
                null,
                null,
                settings.record(),
                new ThroughputFindings.ComputeLimit(cores, before, after, limit),
                inlineGoal,
                external,
                flatness(submitP99s),
                async,
                null,
                null);
    }

    /** Async jobs/s with a client that honours Retry-After, against the best compute limit around it. */
    private ThroughputFindings.AsyncThroughput async(Measurement before) throws InterruptedException {
        int n = settings.n();
        warmAsync();
        output.say("throughput: " + settings.asyncJobs() + " async fib(" + n + ") jobs from " + settings.clients()
                + " clients, each polled as its Retry-After says");
        StackCpu cpuBefore = StackCpu.now();
        AsyncThroughput.Outcome outcome =
                new AsyncThroughput(client, n, settings.drainTimeout()).run(settings.asyncJobs(), settings.clients());
        StackCpu cpu = StackCpu.now().since(cpuBefore);
        output.say("throughput: compute limit again, after the async jobs");
        int cores = Runtime.getRuntime().availableProcessors();
        Measurement after = ComputeLimit.measure(n, cores, settings.limitWarmup(), settings.limitMeasure());
        double limit = Math.max(before.perSecond(), after.perSecond());
        double ratio = ComputeLimit.ratio(outcome.achievedPerSecond(), limit);
        double jobs = Math.max(1, outcome.done());
        double jvmMillis = round3(cpu.jvmNanos() / 1e6 / jobs);
        double childMillis = round3(cpu.childrenNanos() / 1e6 / jobs);
        double bare = ComputeLimit.bareCpuMillis(n, 50);
        double cpuBound = jvmMillis + childMillis <= 0 ? 0 : round3(bare / (jvmMillis + childMillis));
        output.say("throughput: async " + outcome.achievedPerSecond() + " jobs/s (" + outcome.done() + " right, "
                + outcome.failed() + " not) = " + ratio + " x the compute limit of " + limit + "/s; time to result p50 "
                + outcome.resultP50Millis() + " ms, p99 " + outcome.resultP99Millis() + " ms, "
                + outcome.requestsPerJob() + " requests per job; CPU per job " + jvmMillis + " ms in this JVM + "
                + childMillis + " ms in dynalite against " + bare + " ms of CPU for fib(" + n
                + ") bare, so the path is CPU-bound near "
                + cpuBound + " x the limit");
        return new ThroughputFindings.AsyncThroughput(
                n,
                settings.asyncJobs(),
                settings.clients(),
                "retry-after",
                outcome.done(),
                outcome.failed(),
                outcome.submitSeconds(),
                outcome.lastResultSeconds(),
                outcome.achievedPerSecond(),
                limit,
                ratio,
                ASYNC_GOAL,
                outcome.resultP50Millis(),
                outcome.resultP99Millis(),
                outcome.requestsPerJob(),
                after,
                jvmMillis,
                childMillis,
                bare,
                cpuBound);
    }

    /**
     * Unrecorded rounds of the same async load (a fifth of the jobs each) for as long as the inline
     * path's warm-up, so that the JIT's first compiles of the poll route, the worker's SDK calls and
     * ElasticMQ are not counted as CPU per job: without it the C2 compiler threads took about a fifth
     * of this JVM's CPU while the measured jobs ran. Each round ends when its jobs are done, so the
     * measured jobs start on an empty queue.
     */
    private void warmAsync() throws InterruptedException {
        int round = Math.max(settings.clients(), settings.asyncJobs() / 5);
        output.say("throughput: async warm-up, rounds of " + round + " unrecorded jobs for "
                + settings.pathWarmup().toSeconds() + " s");
        long warmUntil = System.nanoTime() + settings.pathWarmup().toNanos();
        do {
            new AsyncThroughput(client, settings.n(), settings.drainTimeout()).run(round, settings.clients());
        } while (System.nanoTime() - warmUntil < 0);
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /**
     * The same inline load from wrk, when it is installed: the server's reach with a client that
     * costs next to nothing (wrk checks no answers, so the Java run above stays the one that does).
     */
    private External external() {
        java.util.Optional<java.nio.file.Path> wrk = WrkLoad.find();
        if (wrk.isEmpty()) {
            output.say("throughput: wrk is not installed, so only the Java client measured the inline path");
            return External.skipped("wrk is not installed (Debian: apt-get install wrk)");
        }
        output.say("throughput: the same inline load from wrk for "
                + settings.limitMeasure().toSeconds() + " s");
        try {
            java.net.URI url = java.net.URI.create(client.base() + "/fib/" + settings.n() + "?algorithm=naive");
            return WrkLoad.run(
                    wrk.get(),
                    url,
                    Runtime.getRuntime().availableProcessors(),
                    settings.clients(),
                    settings.limitMeasure());
        } catch (IOException e) {
            return External.skipped("wrk failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return External.skipped("interrupted");
        }
    }

    /** p99 of the submit latency at the largest n over p99 at the smallest; the goal is at most 1.5. */
    static Flatness flatness(Map<Integer, Double> p99ByN) {
        List<Integer> ns = new ArrayList<>(p99ByN.keySet());
        if (ns.size() < 2) {
            return new Flatness(1.5, null, null, null, null, null);
        }
        int small = ns.get(0);
        int large = ns.get(ns.size() - 1);
        double p99Small = p99ByN.get(small);
        double p99Large = p99ByN.get(large);
        return new Flatness(
                1.5,
                small,
                large,
                p99Small,
                p99Large,
                p99Small <= 0 ? 0 : Math.round(p99Large / p99Small * 100) / 100.0);
    }

    /** Waits until every job is DONE or FAILED (bounded), so that no backlog loads the next measurement. */
    private double drain(List<String> jobIds) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + settings.drainTimeout().toNanos();
        for (String jobId : jobIds) {
            while (System.nanoTime() - deadline < 0) {
                try {
                    var response = client.get("/jobs/" + jobId);
                    Object status = response.statusCode() == 200
                            ? JSON.std.mapFrom(response.body()).get("status")
                            : null;
                    if ("DONE".equals(status) || "FAILED".equals(status)) {
                        break;
                    }
                } catch (IOException e) {
                    // the job is looked at again below
                }
                Thread.sleep(20);
            }
        }
        if (System.nanoTime() - deadline >= 0) {
            output.say("throughput: jobs still running after "
                    + settings.drainTimeout().toSeconds() + " s; going on");
        }
        return Math.round((System.nanoTime() - start) / 1e8) / 10.0;
    }

    private Run record(RunSpec spec, LoadRun run) throws IOException {
        String id = spec.id(run.mode(), run.workers(), run.ratePerSecond());
        String hdrLog = "hdr/" + id + ".hlog";
        HistogramLogs.write(output.dataDir().resolve(hdrLog), run.recorder());
        return RunResult.of(spec, run, hdrLog, 0);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
