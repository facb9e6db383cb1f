package fiblab.bench.result;

import fiblab.bench.stats.SamplePercentiles;
import java.util.Collections;
import java.util.List;

/**
 * The cold-start scenario: every function × HTTP client × priming configuration, each started in
 * fresh JVMs {@code samplesPerConfiguration} times.
 *
 * @param functionsJar the functions jar the probes ran ("null" when it was not found)
 * @param java         the java executable of the harness
 */
public record ColdStart(
        int samplesPerConfiguration,
        List<String> httpClients,
        List<String> jvmOptions,
        String functionsJar,
        String java,
        long harnessPid,
        long harnessStartedEpochMillis,
        double durationSeconds,
        List<Configuration> configurations) {

    /** One function with one HTTP client, priming off or on: its samples and their summary. */
    public record Configuration(
            String function,
            String handler,
            String httpClient,
            boolean priming,
            List<Sample> samples,
            Summary summary) {}

    /**
     * One cold start in a fresh JVM, as its probe reported it; when the probe printed no result,
     * only {@code error}, {@code wallMillis}, {@code exitCode} and {@code ok}.
     */
    public record Sample(
            Long pid,
            Long jvmStartEpochMillis,
            Long jvmToMainMillis,
            Double initMillis,
            Double primingMillis,
            Double firstInvokeMillis,
            Double firstDeserializeMillis,
            Double secondInvokeMillis,
            Long jvmStartToFirstResponseMillis,
            Long classesAtMain,
            Long classesAfterInit,
            Long classesAfterPriming,
            Long classesAfterFirstInvoke,
            Long classesAfterSecondInvoke,
            String javaVersion,
            String firstResponse,
            String secondResponse,
            String error,
            double wallMillis,
            int exitCode,
            boolean ok) {

        /** A probe that printed no readable result: only what the harness saw. */
        public static Sample failed(String error, double wallMillis, int exitCode) {
            return new Sample(
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    error,
                    wallMillis,
                    exitCode,
                    false);
        }

        /** This probe's report with what the harness measured around it: wall time, exit code, verdict. */
        public Sample measured(double wallMillis, int exitCode, boolean ok) {
            return new Sample(
                    pid,
                    jvmStartEpochMillis,
                    jvmToMainMillis,
                    initMillis,
                    primingMillis,
                    firstInvokeMillis,
                    firstDeserializeMillis,
                    secondInvokeMillis,
                    jvmStartToFirstResponseMillis,
                    classesAtMain,
                    classesAfterInit,
                    classesAfterPriming,
                    classesAfterFirstInvoke,
                    classesAfterSecondInvoke,
                    javaVersion,
                    firstResponse,
                    secondResponse,
                    error,
                    wallMillis,
                    exitCode,
                    ok);
        }
    }

    /** Nearest-rank percentiles of each timing and class count over the samples that succeeded. */
    public record Summary(
            int ok,
            int failed,
            Spread jvmToMainMillis,
            Spread initMillis,
            Spread primingMillis,
            Spread firstInvokeMillis,
            Spread firstDeserializeMillis,
            Spread secondInvokeMillis,
            Spread jvmStartToFirstResponseMillis,
            Spread classesAfterInit,
            Spread classesAfterFirstInvoke,
            Spread wallMillis) {}

    /** p50, p90, max and min of a handful of samples (nearest rank), rounded to 0.01. */
    public record Spread(int count, Double p50, Double p90, Double max, Double min) {

        /** The spread of these samples; only the count when there are none. */
        public static Spread of(List<Double> samples) {
            if (samples.isEmpty()) {
                return new Spread(0, null, null, null, null);
            }
            return new Spread(
                    samples.size(),
                    round(SamplePercentiles.nearestRank(samples, 50)),
                    round(SamplePercentiles.nearestRank(samples, 90)),
                    round(SamplePercentiles.nearestRank(samples, 100)),
                    round(Collections.min(samples)));
        }

        private static double round(double value) {
            return Math.round(value * 100) / 100.0;
        }
    }
}
