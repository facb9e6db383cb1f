package fiblab.bench.overload;

import fiblab.bench.http.ApiClient;
import fiblab.bench.model.Arrivals;
import fiblab.bench.model.AsyncModel;
import fiblab.bench.model.InlineModel;
import fiblab.bench.model.LoadPoint;
import fiblab.bench.model.PathPrediction;
import fiblab.bench.model.ServiceTime;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Feeds the queueing model the local stack's limits and measured service times and compares its
 * predictions with an overload run on the same stack. Calibration: one client sends fib(n)
 * inline requests one at a time, which gives the shape of the compute-time distribution on one
 * core ({@code computeMicros}) and the latency of a request alone. On the local stack every
 * request also costs CPU outside compute (gateway, event mapping, JSON, the load generator itself,
 * all on the same cores), so the distribution is scaled until its mean is the CPU one request
 * takes at the measured capacity (cores / capacity); what a lone request waits beyond that is a
 * fixed overhead. The inline model then runs with the machine's cores shared by all running
 * requests, the function's concurrency, the client's threads and patience: its capacity is
 * calibrated, its latencies and goodput under overload are predicted. The async model's per-job overhead
 * (hand-over, claim and result writes, the local servers' latency) is not measured apart: it is
 * set so that the model's drain rate equals the capacity the overload run's probe measured, so
 * the async rows test the model's latency and backlog shape, not its capacity.
 */
public final class ModelValidation {

    /**
     * @param cores             CPUs the local stack shares (the machine's)
     * @param apiConcurrency    ApiFunction's concurrency on the stack (reserved, else 1,000)
     * @param workerBatches     batches the local poller runs at once (min of MaximumConcurrency and the cores)
     * @param batchSize         the template's BatchSize
     * @param calibrationCalls  inline requests sent one at a time for calibration
     */
    public record Stack(int cores, int apiConcurrency, int workerBatches, int batchSize, int calibrationCalls) {}

    /**
     * The measurement, the calibration and the rows.
     *
     * @param inlineWorkMillis CPU per inline request the model used (cores / measured capacity, at least the compute)
     */
    public record Report(
            OverloadReport measured,
            double meanComputeMillis,
            double inlineWorkMillis,
            double overheadMillis,
            double asyncPerJobOverheadMillis,
            List<ValidationRow> rows) {

        public double worstError() {
            return rows.stream().mapToDouble(ValidationRow::worstError).max().orElse(0);
        }
    }

    private ModelValidation() {}

    public static Report run(
            URI api, String target, OverloadRunner.Settings settings, Stack stack, java.io.PrintWriter log)
            throws InterruptedException {
        OverloadReport measured = new OverloadRunner(api, target, settings, log).run();
        List<Double> compute = new ArrayList<>();
        double overheadSum = 0;
        try (ApiClient client = new ApiClient(api, settings.patience())) {
            InlineCall call = new InlineCall(client, settings.n(), settings.patience());
            for (int i = 0; i < stack.calibrationCalls(); i++) {
                long start = System.nanoTime();
                OverloadSample sample = call.call(start, 0);
                if (sample.ok() && sample.computeMicros() >= 0) {
                    compute.add(sample.computeMicros() / 1e6);
                    overheadSum += Math.max(0, sample.latencyNanos() / 1e9 - sample.computeMicros() / 1e6);
                }
            }
        }
        if (compute.isEmpty()) {
            throw new IllegalStateException("calibration got no inline answer with computeMicros from " + api);
        }
        double meanCompute =
                compute.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double aloneLatency = meanCompute + overheadSum / compute.size();
        double cpuPerRequest = stack.cores() / Math.max(1e-9, measured.inlineCapacity());
        double scale = Math.max(1, cpuPerRequest / meanCompute);
        double overhead = Math.max(0, aloneLatency - meanCompute * scale);
        ServiceTime service =
                ServiceTime.empirical(compute.stream().map(c -> c * scale).toList());
        double patience = settings.patience().toMillis() / 1000.0;
        InlineModel inline = new InlineModel(new InlineModel.Config(
                Double.POSITIVE_INFINITY,
                Double.POSITIVE_INFINITY,
                stack.apiConcurrency(),
                Double.POSITIVE_INFINITY,
                Double.POSITIVE_INFINITY,
                stack.apiConcurrency(),
                stack.cores(),
                overhead,
                0,
                28,
                30,
                patience,
                settings.maxInFlight()));
        // drain rate = batches × batchSize / (batchSize × (perJob + mean compute)) = capacity
        ServiceTime workerCompute = ServiceTime.empirical(compute);
        double perJob = Math.max(0, stack.workerBatches() / Math.max(1e-9, measured.asyncCapacity()) - meanCompute);
        AsyncModel async = new AsyncModel(new AsyncModel.Config(
                Double.POSITIVE_INFINITY,
                Double.POSITIVE_INFINITY,
                overhead,
                stack.workerBatches(),
                0,
                stack.workerBatches(),
                stack.batchSize(),
                0,
                perJob,
                Double.POSITIVE_INFINITY,
                pollInterval(settings.pollingPolicy()),
                overhead,
                settings.jobPatience().toMillis() / 1000.0));
        List<ValidationRow> rows = new ArrayList<>();
        long seed = 1;
        for (OverloadStep step : measured.steps()) {
            LoadPoint load = new LoadPoint(step.offeredPerSecond(), step.durationSeconds(), Arrivals.UNIFORM, seed++);
            PathPrediction p =
                    step.path().equals("inline") ? inline.predict(load, service) : async.predict(load, workerCompute);
            rows.add(new ValidationRow(
                    step.path(),
                    step.multiple(),
                    step.offeredPerSecond(),
                    step.p50Millis(),
                    nanToZero(p.p50Millis()),
                    step.p99Millis(),
                    nanToZero(p.p99Millis()),
                    step.goodputPerSecond(),
                    p.goodputPerSecond()));
        }
        return new Report(
                measured,
                meanCompute * 1000,
                meanCompute * scale * 1000,
                overhead * 1000,
                perJob * 1000,
                List.copyOf(rows));
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
