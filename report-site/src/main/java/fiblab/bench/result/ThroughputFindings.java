package fiblab.bench.result;

import java.util.List;
import java.util.Map;

/**
 * The throughput scenario's findings beside its runs: how it ran, the machine's bare compute limit,
 * inline throughput against that limit (from the Java client and from wrk), and how flat the async
 * submit latency stays as n grows. Each is a field of the throughput {@link ScenarioResult}.
 */
public final class ThroughputFindings {

    private ThroughputFindings() {}

    /** How the throughput scenario ran. */
    public record Settings(
            int n,
            int clients,
            int requests,
            double pathWarmupSeconds,
            double limitWarmupSeconds,
            double limitMeasureSeconds,
            List<Integer> flatnessN,
            double flatnessRatePerSecond,
            int flatnessRequests) {}

    /** The best of two bare measurements (before and after the load), {@code perSecond}. */
    public record ComputeLimit(int cores, Measurement before, Measurement after, double perSecond) {}

    /**
     * fib(n) run bare on {@code threads} threads for {@code measuredSeconds}.
     *
     * @param checksum keeps the JIT from removing the work
     */
    public record Measurement(
            int n,
            int threads,
            double measuredSeconds,
            long completed,
            double perSecond,
            double bareMillisOneCore,
            long checksum) {}

    /** The Java client's inline throughput against the compute limit, and the CPU it took per request. */
    public record InlineThroughput(
            double achievedPerSecond,
            double limitPerSecond,
            double ratio,
            double goal,
            double cpuMillisPerRequest,
            double bareMillisPerRequest,
            double cpuBoundRatio) {}

    /**
     * The same inline load from wrk, or why it did not run ({@code skipped}, then nothing else).
     *
     * @param latencyMillis wrk's latency percentiles, keyed {@code p50}, {@code p75}, …
     */
    public record External(
            String skipped,
            String tool,
            Integer threads,
            Integer connections,
            String url,
            Double perSecond,
            Long requests,
            Double seconds,
            Long non2xx,
            Long socketErrors,
            Map<String, Double> latencyMillis,
            Double ratio,
            Double goal) {

        /** wrk did not run, and why. */
        public static External skipped(String why) {
            return new External(why, null, null, null, null, null, null, null, null, null, null, null, null);
        }

        /** What wrk reported; who ran it and how is added by {@link #ranBy}, the goal by {@link #against}. */
        public static External reported(
                double perSecond,
                Long requests,
                Double seconds,
                long non2xx,
                long socketErrors,
                Map<String, Double> latencyMillis) {
            return new External(
                    null,
                    null,
                    null,
                    null,
                    null,
                    perSecond,
                    requests,
                    seconds,
                    non2xx,
                    socketErrors,
                    latencyMillis,
                    null,
                    null);
        }

        /** The same report, with the tool and the load shape that produced it. */
        public External ranBy(String tool, int threads, int connections, String url) {
            return with(tool, threads, connections, url, ratio, goal);
        }

        /** The same report, with its throughput over the compute limit and the goal for that ratio. */
        public External against(double ratio, double goal) {
            return with(tool, threads, connections, url, ratio, goal);
        }

        /** This report of wrk's (or why it was skipped) with who ran it, and how it compares. */
        private External with(
                String tool, Integer threads, Integer connections, String url, Double ratio, Double goal) {
            return new External(
                    skipped,
                    tool,
                    threads,
                    connections,
                    url,
                    perSecond,
                    requests,
                    seconds,
                    non2xx,
                    socketErrors,
                    latencyMillis,
                    ratio,
                    goal);
        }
    }

    /**
     * Async jobs through the whole path against the compute limit: {@code jobs} fib(n) jobs
     * submitted by {@code clients} threads as fast as the API took them, each polled only as its
     * {@code Retry-After} said ({@code polling}). {@code achievedPerSecond} is right results from
     * the first submit to the last result stored (the records' {@code completedAt}); the limit is
     * the best bare measurement around this run ({@code limitAfter} is the one taken right after it).
     * CPU per job: this JVM (local stack and load generator) and its children (dynalite) during the
     * run; {@code bareMillisPerJob} is the CPU time (not wall time) of one bare fib(n), and {@code
     * cpuBoundRatio} = that over CPU per job: the ratio the path could reach with the whole machine
     * to itself, whatever else ran meanwhile.
     */
    public record AsyncThroughput(
            int n,
            int jobs,
            int clients,
            String polling,
            long done,
            long failed,
            double submitSeconds,
            double lastResultSeconds,
            double achievedPerSecond,
            double limitPerSecond,
            double ratio,
            double goal,
            double resultP50Millis,
            double resultP99Millis,
            double requestsPerJob,
            Measurement limitAfter,
            double cpuMillisPerJobJvm,
            double cpuMillisPerJobChildren,
            double bareMillisPerJob,
            double cpuBoundRatio) {}

    /** Submit p99 at the largest n over p99 at the smallest; only the goal when fewer than two n ran. */
    public record Flatness(
            double goal, Integer smallN, Integer largeN, Double p99SmallMillis, Double p99LargeMillis, Double ratio) {}
}
