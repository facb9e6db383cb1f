package fiblab.bench.model;

import fiblab.bench.cost.PriceList;
import fiblab.fib.NaiveRecursion;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints the AWS-scale projection (a model, not a measurement) until the report page takes it in:
 * {@code java -cp report-site/target/fiblab-bench.jar fiblab.bench.model.ProjectionCommand [n,…]}.
 * Compute times are measured here, warm, on one core of this machine (samples of fib(n) by the
 * functions' own code) and stand in for one Lambda vCPU; gateway time 10 ms and a 0.5 s cold start
 * are inputs, not AWS figures.
 */
public final class ProjectionCommand {

    static final List<Double> RATES = List.of(10.0, 100.0, 1_000.0, 10_000.0, 100_000.0);

    /** API Gateway and network time per request outside the function: an input, AWS publishes none. */
    public static final double GATEWAY_SECONDS = 0.010;

    /** A new execution environment's first-invoke penalty: an input. */
    public static final double COLD_START_SECONDS = 0.5;

    /** Seconds of load each projected point simulates. */
    public static final double SIMULATED_SECONDS = 30;

    private ProjectionCommand() {}

    public static void main(String[] args) {
        List<Integer> ns = args.length > 0
                ? java.util.Arrays.stream(args[0].split(","))
                        .map(Integer::parseInt)
                        .toList()
                : List.of(30, 40, 42);
        AwsQuotas quotas = AwsQuotas.load();
        Projection projection = new Projection(
                quotas, PriceList.load(), AwsProfile.fiblabTemplate(GATEWAY_SECONDS, COLD_START_SECONDS));
        System.out.println("MODEL, not a measurement: quotas from aws-quotas.json, prices from aws-prices.json, "
                + "compute times measured on this machine");
        System.out.println(
                "n path offered/s | p50 ms | p99 ms | throttled | goodput/s | peak backlog | drain s | $/hour | binds");
        for (int n : ns) {
            List<Double> samples = computeSamples(n);
            double mean =
                    samples.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            System.out.printf(
                    Locale.ROOT,
                    "fib(%d): %.2f ms per computation here (%d samples)%n",
                    n,
                    mean * 1000,
                    samples.size());
            for (ProjectionRow r :
                    projection.project(n, ServiceTime.empirical(samples), mean, RATES, SIMULATED_SECONDS)) {
                System.out.printf(
                        Locale.ROOT,
                        "%d %s %.0f | %.0f | %.0f | %.1f %% | %.1f | %d | %.1f | %.2f | %s%n",
                        r.n(),
                        r.path(),
                        r.offeredPerSecond(),
                        r.p50Millis(),
                        r.p99Millis(),
                        100 * r.throttledShare(),
                        r.goodputPerSecond(),
                        r.peakBacklog(),
                        r.drainSeconds(),
                        r.costPerHourUsd(),
                        r.binding());
            }
        }
    }

    /** Warm compute times of fib(n), seconds: about 3 s of samples after 1 s of warm-up. */
    public static List<Double> computeSamples(int n) {
        long sink = 0;
        long warm = System.nanoTime() + 1_000_000_000L;
        while (System.nanoTime() < warm) {
            sink += NaiveRecursion.fib(Math.min(n, 30));
        }
        List<Double> samples = new ArrayList<>();
        long end = System.nanoTime() + 3_000_000_000L;
        while (samples.size() < 3 || (System.nanoTime() < end && samples.size() < 200)) {
            long t0 = System.nanoTime();
            sink += NaiveRecursion.fib(n);
            samples.add((System.nanoTime() - t0) / 1e9);
        }
        if (sink == 42) {
            System.out.print("");
        }
        return samples;
    }
}
