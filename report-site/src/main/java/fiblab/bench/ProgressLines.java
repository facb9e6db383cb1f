package fiblab.bench;

import fiblab.bench.load.ProgressListener;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Progress for output that is not a terminal (a file, a pipe, a CI log): one plain line when a run
 * starts, one every few seconds while it lasts, and one when it ends; never a carriage return, so a
 * log holds a handful of readable lines instead of thousands of redrawn bar frames.
 */
final class ProgressLines implements ProgressListener {

    private final PrintWriter out;
    private final String label;
    private final int max;
    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final long startNanos;
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong nextReportNanos;

    ProgressLines(PrintWriter out, String label, int max, Duration interval, LongSupplier nanoTime) {
        this.out = out;
        this.label = label;
        this.max = max;
        this.intervalNanos = interval.toNanos();
        this.nanoTime = nanoTime;
        this.startNanos = nanoTime.getAsLong();
        this.nextReportNanos = new AtomicLong(startNanos + intervalNanos);
        print(label + ": started, " + max + " to do");
    }

    @Override
    public void completed() {
        long count = done.incrementAndGet();
        long now = nanoTime.getAsLong();
        long next = nextReportNanos.get();
        if (now >= next && nextReportNanos.compareAndSet(next, now + intervalNanos)) {
            print(line(count, now));
        }
    }

    @Override
    public void close() {
        print(line(done.get(), nanoTime.getAsLong()) + " (done)");
    }

    private String line(long count, long now) {
        double seconds = (now - startNanos) / 1e9;
        String share = max > 0 ? String.format(Locale.ROOT, " (%d %%)", Math.min(100, count * 100 / max)) : "";
        return String.format(Locale.ROOT, "%s: %d/%d%s after %.0f s", label, count, max, share, seconds);
    }

    private void print(String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }
}
