package fiblab.local.bench;

import fiblab.fib.NaiveRecursion;
import fiblab.local.DeployLimits;
import fiblab.local.LocalStack;
import fiblab.local.LocalStackOptions;
import fiblab.local.testing.QueueDepth;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A bounded measurement of the local async path (not a test; run by hand, loopback only): the
 * machine's compute limit for naive fib(n) (every core running it bare), then N jobs submitted
 * with no polling and the time until the queue is empty (drain rate), the worker invocations'
 * durations from their REPORT lines, and submit latency (POST /jobs → 202) p99 in an open loop at
 * n=35 against n=20. Runs on the project's own template.yaml.
 */
public final class AsyncDrainBenchmark {

    private static final int JOBS = Integer.getInteger("bench.jobs", 1_000);
    private static final int WARMUP_JOBS = Integer.getInteger("bench.warmupJobs", 300);
    private static final int N = Integer.getInteger("bench.n", 30);
    private static final int CLIENTS = Integer.getInteger("bench.clients", 4);
    private static final int FLAT_RATE = Integer.getInteger("bench.flatRate", 50);
    private static final int FLAT_SECONDS = Integer.getInteger("bench.flatSeconds", 8);
    private static final Pattern DURATION = Pattern.compile("WorkerFunction\\] REPORT .*\\tDuration: ([0-9.]+) ms");

    private AsyncDrainBenchmark() {}

    public static void main(String[] args) throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        double limitBefore = computeLimit(cores);
        System.out.printf(Locale.ROOT, "compute limit fib(%d) bare on %d threads: %.0f/s%n", N, cores, limitBefore);
        Path template = Path.of(System.getProperty("bench.template", "../template.yaml"));
        Path log = Files.createTempFile("drain-stack", ".log");
        try (LocalStack stack = LocalStack.start(DeployLimits.lift(
                        LocalStackOptions.defaults(template).withPort(0).withLogFile(log)));
                SqsClient sqs = stack.endpoints().sqsClient()) {
            HttpClient http =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            URI jobs = URI.create(stack.apiUrl() + "/jobs");
            String queue = stack.ref("JobsQueue");
            drain(http, jobs, sqs, queue, WARMUP_JOBS, "warm-up");
            long logBefore = Files.size(log);
            long jvmBefore = jvmCpuNanos();
            long nodeBefore = childCpuNanos();
            double rate = drain(http, jobs, sqs, queue, JOBS, "measured");
            System.out.printf(
                    Locale.ROOT,
                    "CPU per job: this JVM (gateway, functions, ElasticMQ, pollers, client) %.2f ms,"
                            + " dynalite (node) %.2f ms%n",
                    (jvmCpuNanos() - jvmBefore) / 1e6 / JOBS,
                    (childCpuNanos() - nodeBefore) / 1e6 / JOBS);
            double limitAfter = computeLimit(cores);
            double limit = (limitBefore + limitAfter) / 2;
            System.out.printf(
                    Locale.ROOT,
                    "compute limit again: %.0f/s; drain %.1f jobs/s = %.3f x compute limit (mean %.0f/s)%n",
                    limitAfter,
                    rate,
                    rate / limit,
                    limit);
            workerDurations(log, logBefore);
            for (int round = 1; round <= 2; round++) {
                double p99At20 = submitP99(http, jobs, 20);
                waitEmpty(sqs, queue, 120);
                double p99At35 = submitP99(http, jobs, 35);
                waitEmpty(sqs, queue, 120);
                System.out.printf(
                        Locale.ROOT,
                        "submit p99 (round %d) n=20 %.2f ms, n=35 %.2f ms, ratio %.2f%n",
                        round,
                        p99At20,
                        p99At35,
                        p99At35 / p99At20);
            }
            System.out.println("stack log: " + log);
        }
    }

    private static long jvmCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** CPU time (user + system) of this JVM's child processes (dynalite's node), from /proc. */
    private static long childCpuNanos() {
        long ticks = ProcessHandle.current()
                .descendants()
                .mapToLong(child -> {
                    try {
                        String stat = Files.readString(Path.of("/proc/" + child.pid() + "/stat"));
                        String[] fields =
                                stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    } catch (Exception gone) {
                        return 0;
                    }
                })
                .sum();
        return ticks * 10_000_000L; // USER_HZ = 100 on Linux
    }

    /** Jobs/s of fib(N) with every core busy for two seconds, after a one-second warm-up. */
    static double computeLimit(int cores) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(cores);
        AtomicLong count = new AtomicLong();
        long warmEnd = System.nanoTime() + 1_000_000_000L;
        long end = warmEnd + 2_000_000_000L;
        List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < cores; i++) {
            futures.add(pool.submit(() -> {
                long sink = 0;
                while (System.nanoTime() < end) {
                    sink += NaiveRecursion.fib(N);
                    if (System.nanoTime() >= warmEnd) {
                        count.incrementAndGet();
                    }
                }
                return sink;
            }));
        }
        for (var f : futures) {
            f.get();
        }
        pool.shutdown();
        return count.get() / 2.0;
    }

    private static double drain(HttpClient http, URI jobs, SqsClient sqs, String queue, int count, String label)
            throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        AtomicLong refused = new AtomicLong();
        long start = System.nanoTime();
        for (int c = 0; c < CLIENTS; c++) {
            int share = count / CLIENTS + (c < count % CLIENTS ? 1 : 0);
            clients.execute(() -> {
                for (int i = 0; i < share; i++) {
                    try {
                        if (post(http, jobs, N).statusCode() != 202) {
                            refused.incrementAndGet();
                        }
                    } catch (Exception e) {
                        refused.incrementAndGet();
                    }
                }
            });
        }
        clients.shutdown();
        clients.awaitTermination(300, TimeUnit.SECONDS);
        double submitted = (System.nanoTime() - start) / 1e9;
        long backlog = QueueDepth.of(sqs, queue);
        waitEmpty(sqs, queue, 300);
        double seconds = (System.nanoTime() - start) / 1e9;
        double rate = (count - refused.get()) / seconds;
        System.out.printf(
                Locale.ROOT,
                "%s: %d jobs (%d refused) submitted in %.2f s, queue empty after %.2f s: %.1f jobs/s;"
                        + " backlog at the last submit %d, drained at %.1f jobs/s%n",
                label,
                count,
                refused.get(),
                submitted,
                seconds,
                rate,
                backlog,
                backlog / Math.max(0.001, seconds - submitted));
        return rate;
    }

    private static HttpResponse<String> post(HttpClient http, URI jobs, int n) throws Exception {
        return http.send(
                HttpRequest.newBuilder(jobs)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"n\":" + n + ",\"algorithm\":\"naive\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void waitEmpty(SqsClient sqs, String queue, int maxSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + maxSeconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (QueueDepth.of(sqs, queue) == 0) {
                return;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("queue not empty after " + maxSeconds + " s");
    }

    private static void workerDurations(Path log, long from) throws Exception {
        List<Double> durations = new ArrayList<>();
        byte[] all = Files.readAllBytes(log);
        String text = new String(all, (int) from, all.length - (int) from, java.nio.charset.StandardCharsets.UTF_8);
        Matcher m = DURATION.matcher(text);
        while (m.find()) {
            durations.add(Double.parseDouble(m.group(1)));
        }
        double[] d =
                durations.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (d.length == 0) {
            System.out.println("no worker REPORT lines");
            return;
        }
        System.out.printf(
                Locale.ROOT,
                "worker invocations: %d, duration p50 %.1f ms, p90 %.1f ms, p99 %.1f ms%n",
                d.length,
                d[(int) (d.length * 0.5)],
                d[(int) (d.length * 0.9)],
                d[Math.min(d.length - 1, (int) (d.length * 0.99))]);
    }

    /** Open loop at FLAT_RATE submits/s of fib(n) for FLAT_SECONDS; latency from each intended send time. */
    private static double submitP99(HttpClient http, URI jobs, int n) throws Exception {
        int total = FLAT_RATE * FLAT_SECONDS;
        long[] latencies = new long[total];
        ExecutorService senders = Executors.newFixedThreadPool(16);
        long start = System.nanoTime() + 50_000_000L;
        long interval = 1_000_000_000L / FLAT_RATE;
        for (int i = 0; i < total; i++) {
            int index = i;
            long intended = start + i * interval;
            senders.execute(() -> {
                try {
                    long wait = intended - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    post(http, jobs, n);
                } catch (Exception e) {
                    // counted as its time
                }
                latencies[index] = System.nanoTime() - intended;
            });
        }
        senders.shutdown();
        senders.awaitTermination(FLAT_SECONDS + 60L, TimeUnit.SECONDS);
        Arrays.sort(latencies);
        return latencies[(int) (total * 0.99)] / 1e6;
    }
}
