package fiblab.bench.throughput;

import fiblab.bench.result.ThroughputFindings.External;
import fiblab.local.servers.BoundedCommand;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The inline path driven by wrk (a C load generator on epoll) when it is installed: next to the
 * benchmark's own Java client, which shares the JVM and the cores with the server and checks every
 * answer, wrk shows what the gateway and the function reach when the client costs next to nothing.
 */
public final class WrkLoad {

    /** Overrides where wrk is looked for. */
    static final String WRK_VARIABLE = "FIBLAB_WRK";

    private static final Pattern REQUESTS_PER_SECOND = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in ([0-9.]+)(ms|s|m)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern SOCKET_ERRORS =
            Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
    private static final Pattern PERCENTILE =
            Pattern.compile("^\\s+(50|75|90|99)%\\s+([0-9.]+)(us|ms|s)\\s*$", Pattern.MULTILINE);

    private WrkLoad() {}

    /** wrk's executable, if there is one: {@code $FIBLAB_WRK}, else {@code wrk} on the PATH. */
    public static Optional<Path> find() {
        String override = System.getenv(WRK_VARIABLE);
        if (override != null && !override.isBlank()) {
            Path path = Path.of(override);
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        String pathVariable = System.getenv().getOrDefault("PATH", "");
        for (String dir : pathVariable.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "wrk");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Runs wrk for {@code duration} with {@code connections} keep-alive connections on {@code threads} threads. */
    public static External run(Path wrk, URI url, int threads, int connections, Duration duration)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(
                        wrk.toString(),
                        "-t" + threads,
                        "-c" + connections,
                        "-d" + Math.max(1, duration.toSeconds()) + "s",
                        "--latency",
                        url.toString())
                .redirectErrorStream(true);
        // wrk stops itself after the duration; the bound only guards against a hung process.
        BoundedCommand.Result run = BoundedCommand.run("wrk", builder, duration.plusSeconds(30));
        String text = run.stdout();
        if (!run.succeeded()) {
            throw new IOException("wrk failed (exit " + run.exitCode() + "): " + text.strip());
        }
        return parse(text).ranBy("wrk", threads, connections, url.toString());
    }

    /** Reads wrk's report: requests, duration, requests/s, non-2xx answers, socket errors and latency percentiles. */
    static External parse(String text) {
        Matcher perSecond = REQUESTS_PER_SECOND.matcher(text);
        if (!perSecond.find()) {
            throw new IllegalArgumentException("no Requests/sec line in wrk's output: " + text.strip());
        }
        Long requests = null;
        Double seconds = null;
        Matcher total = TOTAL.matcher(text);
        if (total.find()) {
            requests = Long.parseLong(total.group(1));
            seconds = toMillis(total.group(2), total.group(3)) / 1000.0;
        }
        Matcher non2xx = NON_2XX.matcher(text);
        Matcher errors = SOCKET_ERRORS.matcher(text);
        long socketErrors = 0;
        if (errors.find()) {
            for (int group = 1; group <= 4; group++) {
                socketErrors += Long.parseLong(errors.group(group));
            }
        }
        Map<String, Double> latency = new LinkedHashMap<>();
        Matcher percentile = PERCENTILE.matcher(text);
        while (percentile.find()) {
            latency.put("p" + percentile.group(1), toMillis(percentile.group(2), percentile.group(3)));
        }
        return External.reported(
                Double.parseDouble(perSecond.group(1)),
                requests,
                seconds,
                non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0L,
                socketErrors,
                latency);
    }

    private static double toMillis(String value, String unit) {
        double number = Double.parseDouble(value);
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "us" -> number / 1000.0;
            case "s" -> number * 1000.0;
            case "m" -> number * 60_000.0;
            default -> number;
        };
    }
}
