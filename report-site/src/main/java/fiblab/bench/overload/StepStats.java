package fiblab.bench.overload;

import fiblab.bench.stats.Goodput;
import fiblab.bench.stats.Histograms;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** Turns one step's samples into its {@link OverloadStep}: counts, percentiles, backlog, drain and timeline. */
final class StepStats {

    private StepStats() {}

    static OverloadStep of(String path, double multiple, double rate, double duration, List<OverloadSample> samples) {
        Histogram latency = Histograms.concurrent();
        Map<ErrorKind, Long> errors = new EnumMap<>(ErrorKind.class);
        long ok = 0;
        long polls = 0;
        double[] seen = new double[samples.size()];
        for (OverloadSample s : samples) {
            polls += s.polls();
            if (s.ok()) {
                ok++;
                Histograms.recordNanos(latency, s.latencyNanos());
                seen[(int) ok - 1] = (s.intendedNanos() + s.latencyNanos()) / 1e9;
            } else {
                errors.merge(s.error(), 1L, Long::sum);
            }
        }
        boolean async = path.equals("async");
        return new OverloadStep(
                path,
                multiple,
                rate,
                duration,
                samples.size(),
                ok,
                Goodput.perSecond(seen, (int) ok, samples.size(), rate, duration),
                Map.copyOf(errors),
                millis(latency, 50),
                millis(latency, 99),
                async ? peakBacklog(samples) : 0,
                async ? drainSeconds(samples, duration) : 0,
                async ? unstored(samples) : 0,
                samples.isEmpty() ? 0 : async ? (samples.size() + polls) / (double) samples.size() : 1,
                timeline(samples),
                async ? backlogBySecond(samples, duration) : List.of());
    }

    /** Most jobs accepted (202) and not yet stored as done, at any moment. */
    static long peakBacklog(List<OverloadSample> samples) {
        long level = 0;
        long peak = 0;
        for (long[] change : backlogChanges(samples)) {
            level += change[1];
            peak = Math.max(peak, level);
        }
        return peak;
    }

    /**
     * The most jobs accepted and not yet stored within each second of the step (0, 1, 2, … until the last
     * was stored, or the step's end when none was): the backlog building under the load and draining
     * after, its peak in the second that held it. A job never read as stored stays in it to the end.
     */
    static List<Long> backlogBySecond(List<OverloadSample> samples, double duration) {
        List<long[]> changes = backlogChanges(samples);
        long lastMillis = changes.stream().mapToLong(c -> c[0]).max().orElse(0);
        int seconds = (int) Math.ceil(Math.max(duration * 1000, lastMillis) / 1000.0);
        List<Long> levels = new ArrayList<>();
        long level = 0;
        int next = 0;
        for (int second = 0; second <= seconds; second++) {
            long most = level;
            while (next < changes.size() && changes.get(next)[0] < (second + 1) * 1000L) {
                level += changes.get(next++)[1];
                most = Math.max(most, level);
            }
            levels.add(most);
        }
        return List.copyOf(levels);
    }

    /** +1 when a job was accepted, −1 when it was stored (milliseconds of the step), in time order. */
    private static List<long[]> backlogChanges(List<OverloadSample> samples) {
        List<long[]> changes = new ArrayList<>();
        for (OverloadSample s : samples) {
            if (s.acceptedNanos() >= 0 && s.completedMillis() >= 0) {
                changes.add(new long[] {s.acceptedNanos() / 1_000_000, +1});
                changes.add(new long[] {Math.max(s.completedMillis(), s.acceptedNanos() / 1_000_000), -1});
            } else if (waiting(s)) {
                changes.add(new long[] {s.acceptedNanos() / 1_000_000, +1}); // never seen done: still waiting
            } // a job that ended with no completion time: how long it waited is not known, so it is left out
        }
        changes.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        return changes;
    }

    /** Jobs accepted and given up on whose result was never read as stored: the drain went on past them. */
    static long unstored(List<OverloadSample> samples) {
        return samples.stream().filter(StepStats::waiting).count();
    }

    /** Accepted, given up on, and not (yet) read as ended. */
    private static boolean waiting(OverloadSample s) {
        return s.acceptedNanos() >= 0 && s.completedMillis() == -1 && s.error() == ErrorKind.TIMEOUT;
    }

    /** From the end of the offered load until the last result was stored. */
    static double drainSeconds(List<OverloadSample> samples, double duration) {
        long last = samples.stream()
                .mapToLong(OverloadSample::completedMillis)
                .max()
                .orElse(-1);
        return last < 0 ? 0 : Math.max(0, last / 1000.0 - duration);
    }

    static List<SecondPoint> timeline(List<OverloadSample> samples) {
        Map<Integer, Histogram> bySecond = new java.util.TreeMap<>();
        Map<Integer, Long> counts = new java.util.TreeMap<>();
        for (OverloadSample s : samples) {
            int second = (int) (s.intendedNanos() / 1_000_000_000L);
            bySecond.computeIfAbsent(second, k -> new Histogram(Histograms.SIGNIFICANT_DIGITS));
            counts.merge(second, 0L, Long::sum);
            if (s.ok()) {
                Histograms.recordNanos(bySecond.get(second), s.latencyNanos());
                counts.merge(second, 1L, Long::sum);
            }
        }
        List<SecondPoint> points = new ArrayList<>();
        bySecond.forEach((second, h) -> points.add(new SecondPoint(second, counts.get(second), millis(h, 99))));
        return points;
    }

    static double millis(Histogram micros, double percentile) {
        return micros.getTotalCount() == 0 ? 0 : micros.getValueAtPercentile(percentile) / 1_000.0;
    }
}
