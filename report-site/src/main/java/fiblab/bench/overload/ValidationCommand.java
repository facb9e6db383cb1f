package fiblab.bench.overload;

import fiblab.bench.model.PathPrediction;
import fiblab.bench.stack.LocalTarget;
import fiblab.bench.stack.Target;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the model's validation against the local stack from the command line, until the report
 * page takes it in:
 * {@code java -cp report-site/target/fiblab-bench.jar fiblab.bench.overload.ValidationCommand [n] [multiples] [stepSeconds] [patience] [jobPatience]}
 * (defaults 30, {@code 0.5,1,2,3}, 8 s, 2 s, 5 s). The patiences are short on purpose: the 2× and
 * 3× steps outlast them, so goodput is something the model has to predict, not every request.
 * Each step follows a fresh capacity probe of its path and is predicted from it (see
 * {@link ModelValidation#run}). Prints the overload steps, the calibration, the predicted-beside-measured table, the largest
 * error, the machine's load average before and after, and how long it took (about 4 minutes).
 */
public final class ValidationCommand {

    /** The burst the async probe drains: large enough that its steady middle lasts several seconds. */
    static final int PROBE_JOBS = 400;

    /** The goal for every predicted figure, as the page has it. */
    static final double TOLERANCE = fiblab.bench.result.OverloadFindings.VALIDATION_TOLERANCE;

    /** Lone requests (and submits, polls) for calibration: enough that their tail says something about a p99. */
    static final int CALIBRATION_CALLS = 200;

    private ValidationCommand() {}

    /** The command's arguments, checked. */
    record Arguments(int n, List<Double> multiples, double stepSeconds, double patience, double jobPatience) {

        static final String USAGE = "usage: ValidationCommand [n 1-40] [multiples, e.g. 0.5,1,2,3] [step seconds > 0]"
                + " [inline patience s > 0] [async patience s > 0]; defaults 30 0.5,1,2,3 8 2 5;"
                + " run from the repository root (it starts the stack from template.yaml)";

        /** @throws IllegalArgumentException naming what was wrong and the usage */
        static Arguments parse(String[] args) {
            try {
                int n = args.length > 0 ? Integer.parseInt(args[0]) : 30;
                List<Double> multiples = args.length > 1
                        ? Arrays.stream(args[1].split(","))
                                .map(Double::parseDouble)
                                .toList()
                        : List.of(0.5, 1.0, 2.0, 3.0);
                double step = args.length > 2 ? Double.parseDouble(args[2]) : 8;
                double patience = args.length > 3 ? Double.parseDouble(args[3]) : 2;
                double jobPatience = args.length > 4 ? Double.parseDouble(args[4]) : 5;
                if (n < 1 || n > 40) {
                    throw new IllegalArgumentException("n " + n + " is outside 1-40 (the inline path's naive limit)");
                }
                if (multiples.isEmpty() || multiples.stream().anyMatch(m -> !(m > 0))) {
                    throw new IllegalArgumentException("multiples must be positive numbers, got " + args[1]);
                }
                if (!(step > 0) || !(patience > 0) || !(jobPatience > 0)) {
                    throw new IllegalArgumentException("step and patiences must be positive seconds");
                }
                return new Arguments(n, multiples, step, patience, jobPatience);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a number: " + e.getMessage() + "\n" + USAGE, e);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage() + "\n" + USAGE, e);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        Arguments a;
        try {
            a = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (!java.nio.file.Files.isRegularFile(Path.of("template.yaml"))) {
            System.err.println("no template.yaml here\n" + Arguments.USAGE);
            System.exit(2);
        }
        int n = a.n();
        List<Double> multiples = a.multiples();
        double stepSeconds = a.stepSeconds();
        double patience = a.patience();
        double jobPatience = a.jobPatience();
        int cores = Runtime.getRuntime().availableProcessors();
        OverloadRunner.Settings defaults = OverloadRunner.Settings.defaults(n);
        OverloadRunner.Settings settings = new OverloadRunner.Settings(
                n,
                multiples,
                stepSeconds,
                OverloadRunner.seconds(patience),
                OverloadRunner.seconds(jobPatience),
                defaults.maxInFlight(),
                defaults.probeSeconds(),
                defaults.probeClients(),
                PROBE_JOBS,
                defaults.pollingPolicy(),
                defaults.pollThreads(),
                defaults.pauseSeconds(),
                defaults.warmupSeconds());
        PrintWriter out = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        long started = System.nanoTime();
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        try (Target target = LocalTarget.start(
                Path.of("template.yaml"),
                Map.of(),
                Path.of("report-site", "target", "validation", "local-stack.log"))) {
            ModelValidation.Report report = ModelValidation.run(
                    target.apiUrl(),
                    target.description(),
                    settings,
                    new ModelValidation.Stack(cores, 1000, Math.min(10, cores), 5, CALIBRATION_CALLS),
                    out);
            Calibration c = report.calibration();
            out.printf(
                    Locale.ROOT,
                    "calibration (measured apart from the steps): inline %.1f answers/s, async %.1f jobs/s;"
                            + " fib(%d) alone %.2f ms, a lone request %.2f ms (p99 %.2f ms), submit %.2f ms, poll %.2f ms%n"
                            + "  model: %.2f ms of CPU per inline request on %d cores, %.2f ms fixed overhead,"
                            + " a %.1f ms pause per %.0f answers (measured, not modelled: %d in flight"
                            + " did %.3f of the work of %d);"
                            + " %d batches of %d, %.2f ms per job outside compute; patience %.1f s inline, %.1f s async%n"
                            + "  stack CPU (this JVM + dynalite): %.2f ms per submit, %.2f ms per drained job, %.2f ms"
                            + " per poll; model: a batch takes %.2f cores at full speed%n",
                    c.inlineCapacity(),
                    c.asyncCapacity(),
                    n,
                    c.computeSeconds() * 1000,
                    c.aloneSeconds() * 1000,
                    (c.aloneSeconds() + p99(c.aloneExtraSeconds())) * 1000,
                    c.submitSeconds() * 1000,
                    c.pollSeconds() * 1000,
                    c.inlineWorkSeconds() * 1000,
                    c.cores(),
                    c.inlineOverheadSeconds() * 1000,
                    c.pauseSeconds() * 1000,
                    c.requestsPerPause(),
                    c.maxInFlight(),
                    c.crowdedShare(),
                    c.probeClients(),
                    c.workerBatches(),
                    c.batchSize(),
                    c.asyncPerJobSeconds() * 1000,
                    c.patienceSeconds(),
                    c.jobPatienceSeconds(),
                    c.submitCpuSeconds() * 1000,
                    c.workerCpuSeconds() * 1000,
                    c.pollCpuSeconds() * 1000,
                    c.batchCores());
            out.println("path multiple offered/s | p50 predicted measured error | p99 predicted measured error"
                    + " | goodput/s predicted measured error | capacity the step's multiple is of");
            for (int k = 0; k < report.rows().size(); k++) {
                ValidationRow r = report.rows().get(k);
                Calibration step = report.stepCalibrations().get(k);
                OverloadStep measured = report.measured().steps().get(k);
                PathPrediction predicted = report.predictions().get(k);
                out.printf(
                        Locale.ROOT,
                        "%s | probed just before: %.1f/s%s%n",
                        r.tableLine(),
                        r.path().equals("inline") ? step.inlineCapacity() : step.asyncCapacity(),
                        r.path().equals("inline")
                                ? ""
                                : String.format(
                                        Locale.ROOT,
                                        " | backlog predicted %d measured %d, drained %.1f s / %s%.1f s after the load",
                                        predicted.peakBacklog(),
                                        measured.peakBacklog(),
                                        predicted.drainSeconds(),
                                        measured.drainCutShort() ? "more than " : "",
                                        measured.drainSeconds()));
            }
            out.println("the model over each path's capacity repeatability (consecutive probes in this run):");
            for (int k = 0; k < report.rows().size(); k++) {
                ValidationRow r = report.rows().get(k);
                ModelValidation.Band b = report.bands().get(k);
                out.printf(
                        Locale.ROOT,
                        "%s %.1fx capacity ±%.0f %%: p50 %.0f–%.0f ms (measured %.0f), p99 %.0f–%.0f ms (%.0f),"
                                + " goodput %.1f–%.1f/s (%.1f)%n",
                        r.path(),
                        r.multiple(),
                        100 * b.spread(),
                        b.p50().low(),
                        b.p50().high(),
                        r.measuredP50Millis(),
                        b.p99().low(),
                        b.p99().high(),
                        r.measuredP99Millis(),
                        b.goodput().low(),
                        b.goodput().high(),
                        r.measuredGoodputPerSecond());
            }
            int figures = 3 * report.rows().size();
            out.printf(
                    Locale.ROOT,
                    "worst error: %.0f %%; %d of %d figures within %.0f %% of the model at the probed capacity,"
                            + " %d of %d within %.0f %% of it somewhere in the capacity's repeatability%n",
                    100 * report.worstError(),
                    report.figuresWithin(TOLERANCE),
                    figures,
                    100 * TOLERANCE,
                    report.figuresWithinBands(TOLERANCE),
                    figures,
                    100 * TOLERANCE);
        }
        out.printf(
                Locale.ROOT,
                "took %.0f s on %d cores; load average %.1f before, %.1f after%n",
                (System.nanoTime() - started) / 1e9,
                cores,
                loadBefore,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    static double p99(List<Double> values) {
        double[] sorted =
                values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted.length == 0 ? 0 : sorted[(int) Math.ceil(0.99 * sorted.length) - 1];
    }
}
