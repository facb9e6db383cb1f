package fiblab.bench.overload;

import fiblab.bench.stack.LocalTarget;
import fiblab.bench.stack.Target;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the model's validation against the local stack from the command line, until the report
 * page takes it in:
 * {@code java -cp report-site/target/fiblab-bench.jar fiblab.bench.overload.ValidationCommand [n] [multiples] [stepSeconds]}
 * (defaults 30, {@code 0.5,1,2,3}, 8). Prints the overload steps and the predicted-beside-measured table.
 */
public final class ValidationCommand {

    private ValidationCommand() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        List<Double> multiples = args.length > 1
                ? Arrays.stream(args[1].split(",")).map(Double::parseDouble).toList()
                : List.of(0.5, 1.0, 2.0, 3.0);
        double stepSeconds = args.length > 2 ? Double.parseDouble(args[2]) : 8;
        int cores = Runtime.getRuntime().availableProcessors();
        OverloadRunner.Settings defaults = OverloadRunner.Settings.defaults(n);
        OverloadRunner.Settings settings = new OverloadRunner.Settings(
                n,
                multiples,
                stepSeconds,
                defaults.patience(),
                defaults.jobPatience(),
                defaults.maxInFlight(),
                defaults.probeSeconds(),
                defaults.probeClients(),
                defaults.probeJobs(),
                defaults.pollingPolicy(),
                defaults.pollThreads(),
                defaults.pauseSeconds(),
                defaults.warmupSeconds());
        PrintWriter out = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        try (Target target = LocalTarget.start(
                Path.of("template.yaml"),
                Map.of(),
                Path.of("report-site", "target", "validation", "local-stack.log"))) {
            ModelValidation.Report report = ModelValidation.run(
                    target.apiUrl(),
                    target.description(),
                    settings,
                    new ModelValidation.Stack(cores, 1000, Math.min(10, cores), 5, 50),
                    out);
            out.printf(
                    Locale.ROOT,
                    "calibration: compute %.2f ms alone, %.2f ms of CPU per inline request at capacity, overhead %.2f ms,"
                            + " async per-job overhead %.2f ms%n",
                    report.meanComputeMillis(),
                    report.inlineWorkMillis(),
                    report.overheadMillis(),
                    report.asyncPerJobOverheadMillis());
            out.println("path multiple offered/s | p50 predicted measured error | p99 predicted measured error"
                    + " | goodput/s predicted measured error");
            for (ValidationRow r : report.rows()) {
                out.println(r.tableLine());
            }
            out.printf(Locale.ROOT, "worst error: %.0f %%%n", 100 * report.worstError());
        }
    }
}
