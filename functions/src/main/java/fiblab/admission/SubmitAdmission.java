package fiblab.admission;

/**
 * Decides whether POST /jobs may accept another job: not while the queue already holds more than
 * {@code limit} waiting messages, work that could not finish before it expires. When the backlog
 * cannot be read, submits are admitted: sending the job then fails on its own if the queue is down.
 */
public final class SubmitAdmission {

    /** Admits every submit: for hosts and tests without a queue to measure. */
    public static final SubmitAdmission ALWAYS = new SubmitAdmission(java.util.OptionalLong::empty, Long.MAX_VALUE);

    private final BacklogGauge gauge;
    private final long limit;

    public SubmitAdmission(BacklogGauge gauge, long limit) {
        this.gauge = gauge;
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }

    /** True when the backlog is known to be deeper than the limit. */
    public boolean backlogFull() {
        return gauge.waitingMessages().orElse(0) > limit;
    }
}
