package fiblab.bench.load;

import fiblab.bench.path.Sample;
import fiblab.bench.stats.Histograms;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/**
 * Everything one run measured, recorded from many load threads at once. Every sent operation ends
 * as exactly one success or one counted error; latencies are recorded for successes only, so fast
 * failures (a 422 comes back in a millisecond) cannot flatter a path.
 */
public final class RunRecorder {

    private final Histogram latency = Histograms.concurrent();
    private final Histogram serviceTime = Histograms.concurrent();
    private final Histogram accepted = Histograms.concurrent();
    private final Histogram compute = Histograms.concurrent();
    private final Histogram queueWait = Histograms.concurrent();
    private final Histogram write = Histograms.concurrent();
    private final Histogram serverTotal = Histograms.concurrent();
    private final LongAdder sent = new LongAdder();
    private final LongAdder ok = new LongAdder();
    private final LongAdder polls = new LongAdder();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();

    void sent() {
        sent.increment();
    }

    /**
     * @param latencyNanos what the run's headline latency is: from the start of the operation
     *                     (closed loop) or from its intended send time (open loop)
     * @param serviceNanos from the moment the operation actually started
     */
    public void record(Sample sample, long latencyNanos, long serviceNanos) {
        polls.add(sample.polls());
        if (sample.acceptedNanos() >= 0) {
            Histograms.recordNanos(accepted, sample.acceptedNanos());
        }
        if (!sample.ok()) {
            errors.computeIfAbsent(sample.error(), key -> new LongAdder()).increment();
            return;
        }
        ok.increment();
        Histograms.recordNanos(latency, latencyNanos);
        Histograms.recordNanos(serviceTime, serviceNanos);
        recordIfPresent(compute, sample.computeMicros());
        recordIfPresent(queueWait, sample.queueMicros());
        recordIfPresent(write, sample.writeMicros());
        recordIfPresent(serverTotal, sample.serverMicros());
    }

    private static void recordIfPresent(Histogram histogram, long micros) {
        if (micros >= 0) {
            histogram.recordValue(micros);
        }
    }

    public long sentCount() {
        return sent.sum();
    }

    public long okCount() {
        return ok.sum();
    }

    public long pollCount() {
        return polls.sum();
    }

    /** Error counts by key, sorted. */
    public Map<String, Long> errors() {
        Map<String, Long> counts = new TreeMap<>();
        errors.forEach((key, count) -> counts.put(key, count.sum()));
        return counts;
    }

    public long errorCount() {
        return errors.values().stream().mapToLong(LongAdder::sum).sum();
    }

    public Histogram latency() {
        return latency;
    }

    public Histogram serviceTime() {
        return serviceTime;
    }

    public Histogram accepted() {
        return accepted;
    }

    public Histogram compute() {
        return compute;
    }

    public Histogram queueWait() {
        return queueWait;
    }

    public Histogram write() {
        return write;
    }

    public Histogram serverTotal() {
        return serverTotal;
    }
}
