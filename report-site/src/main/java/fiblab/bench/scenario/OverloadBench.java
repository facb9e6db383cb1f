package fiblab.bench.scenario;

import fiblab.bench.cost.PriceList;
import fiblab.bench.cost.TemplateFunctions;
import fiblab.bench.model.AwsProfile;
import fiblab.bench.model.AwsQuotas;
import fiblab.bench.model.Projection;
import fiblab.bench.model.ProjectionCommand;
import fiblab.bench.model.ServiceTime;
import fiblab.bench.overload.ModelValidation;
import fiblab.bench.overload.OverloadRunner;
import fiblab.bench.overload.PollingComparison;
import fiblab.bench.overload.PollingPolicy;
import fiblab.bench.result.OverloadFindings;
import fiblab.bench.result.ScenarioResult;
import fiblab.local.template.FunctionDefinition;
import fiblab.local.template.SamTemplate;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The overload and polling scenarios of a benchmark session: the overload steps of both paths with
 * the model's validation against them and, beside that validation only, the AWS-scale projection;
 * and the polling policies compared. Measuring is {@code fiblab.bench.overload}'s and modelling
 * {@code fiblab.bench.model}'s; this class runs them and records what they found.
 */
public final class OverloadBench {

    /** Inline requests sent one at a time to calibrate the model. */
    static final int CALIBRATION_CALLS = 50;

    /**
     * @param overload         how the overload steps run
     * @param projectionN      the n values projected to AWS scale
     * @param projectionRates  offered loads projected, per second
     */
    public record Settings(OverloadRunner.Settings overload, List<Integer> projectionN, List<Double> projectionRates) {}

    /**
     * @param n             the n values compared, one after the other
     * @param ratePerSecond jobs submitted per second
     * @param jobs          jobs per policy and n
     * @param patience      how long a client polls a job before it gives up
     */
    public record PollingSettings(List<Integer> n, double ratePerSecond, int jobs, Duration patience) {}

    /** The policies compared: the polite client, the benchmark's old 10 ms poller, a slower one, a backoff. */
    public static final List<PollingPolicy> POLICIES = List.of(
            new PollingPolicy.HonourRetryAfter(Duration.ofSeconds(1)),
            new PollingPolicy.FixedInterval(Duration.ofMillis(10)),
            new PollingPolicy.FixedInterval(Duration.ofMillis(250)),
            new PollingPolicy.ExponentialBackoff(Duration.ofMillis(50), 2, Duration.ofSeconds(2)));

    private OverloadBench() {}

    /**
     * The local stack's limits as the model needs them, read from the template with the run's
     * parameters: ApiFunction's reserved concurrency, the worker's MaximumConcurrency (batches run at
     * once, no more than the cores) and its batch size.
     */
    public static ModelValidation.Stack stack(SamTemplate template, int cores) {
        FunctionDefinition api = TemplateFunctions.api(template);
        FunctionDefinition worker = TemplateFunctions.worker(template);
        int apiConcurrency = api.reservedConcurrency().orElse(1000);
        int maxBatches = worker.sqsEvents().get(0).maximumConcurrency().orElse(1000);
        int batchSize = worker.sqsEvents().get(0).batchSize();
        return new ModelValidation.Stack(
                cores, apiConcurrency, Math.min(maxBatches, cores), batchSize, CALIBRATION_CALLS);
    }

    /**
     * The overload steps against {@code api}, the model's validation against them, and the projection.
     *
     * @param target what is measured, in words
     */
    public static ScenarioResult overload(
            URI api, String target, Settings settings, ModelValidation.Stack stack, PrintWriter log)
            throws InterruptedException {
        ModelValidation.Report report = ModelValidation.run(api, target, settings.overload(), stack, log);
        OverloadFindings.Validation validation = OverloadRecords.validation(report, stack);
        say(
                log,
                "model validation: worst error %s (goal within %.0f %%)",
                validation.worstError() == null
                        ? "undefined (a measured value was 0)"
                        : String.format(Locale.ROOT, "%.0f %%", 100 * validation.worstError()),
                100 * OverloadFindings.VALIDATION_TOLERANCE);
        return ScenarioResult.of(Scenario.OVERLOAD.id(), Scenario.OVERLOAD.description(), List.of())
                .withOverload(OverloadRecords.overload(
                        report.measured(), settings.overload().stepSeconds(), validation, projection(settings, log)));
    }

    private static OverloadFindings.Projection projection(Settings settings, PrintWriter log) {
        AwsQuotas quotas = AwsQuotas.load();
        Projection projection = new Projection(
                quotas,
                PriceList.load(),
                AwsProfile.fiblabTemplate(ProjectionCommand.GATEWAY_SECONDS, ProjectionCommand.COLD_START_SECONDS));
        List<OverloadFindings.Compute> compute = new ArrayList<>();
        List<OverloadFindings.ProjectionRow> rows = new ArrayList<>();
        for (int n : settings.projectionN()) {
            List<Double> samples = ProjectionCommand.computeSamples(n);
            double mean =
                    samples.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            double[] sorted =
                    samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double p99 = sorted[Math.min(sorted.length - 1, (int) Math.ceil(0.99 * sorted.length) - 1)];
            compute.add(new OverloadFindings.Compute(n, samples.size(), mean * 1000, p99 * 1000));
            say(
                    log,
                    "projection (a model): fib(%d) %.2f ms per computation here, %d samples",
                    n,
                    mean * 1000,
                    samples.size());
            projection
                    .project(
                            n,
                            ServiceTime.empirical(samples),
                            mean,
                            settings.projectionRates(),
                            ProjectionCommand.SIMULATED_SECONDS)
                    .forEach(r -> rows.add(OverloadRecords.row(r)));
        }
        return new OverloadFindings.Projection(
                "model",
                quotas.region(),
                quotas.note(),
                quotas.quotas().entrySet().stream()
                        .map(e -> OverloadRecords.quota(e.getKey(), e.getValue()))
                        .toList(),
                List.copyOf(compute),
                ProjectionCommand.GATEWAY_SECONDS * 1000,
                ProjectionCommand.COLD_START_SECONDS * 1000,
                ProjectionCommand.SIMULATED_SECONDS,
                List.copyOf(rows));
    }

    /** The polling policies compared against {@code api}, one after the other, for each n. */
    public static ScenarioResult polling(URI api, PollingSettings settings, PrintWriter log)
            throws InterruptedException {
        List<OverloadFindings.PollingRow> rows = new ArrayList<>();
        for (int n : settings.n()) {
            List<PollingComparison.Result> results = PollingComparison.run(
                    api, n, settings.ratePerSecond(), settings.jobs(), POLICIES, settings.patience());
            for (int i = 0; i < results.size(); i++) {
                OverloadFindings.PollingRow row = OverloadRecords.polling(n, POLICIES.get(i), results.get(i));
                rows.add(row);
                say(
                        log,
                        "polling n=%d %s: %d of %d done, p50 %.0f ms, %.2f API requests per job",
                        n,
                        row.policy(),
                        row.done(),
                        row.jobs(),
                        row.p50Millis() == null ? Double.NaN : row.p50Millis(),
                        row.requestsPerJob());
            }
        }
        return ScenarioResult.of(Scenario.POLLING.id(), Scenario.POLLING.description(), List.of())
                .withPolling(new OverloadFindings.Polling(
                        settings.ratePerSecond(),
                        settings.jobs(),
                        settings.patience().toMillis() / 1000.0,
                        List.copyOf(rows)));
    }

    private static void say(PrintWriter log, String format, Object... args) {
        log.println(String.format(Locale.ROOT, format, args));
        log.flush();
    }
}
