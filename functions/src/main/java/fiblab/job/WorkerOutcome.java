package fiblab.job;

/**
 * What the worker did with one message, whether the message may be deleted from the queue, and
 * for one that stays, after how many seconds it should come back ({@link #KEEP_VISIBILITY}: when
 * the queue's visibility timeout says). {@code detail} is for the log: it may name internals.
 */
public record WorkerOutcome(Kind kind, String jobId, String detail, int retryAfterSeconds) {

    public static final int KEEP_VISIBILITY = -1;

    public WorkerOutcome(Kind kind, String jobId, String detail) {
        this(kind, jobId, detail, KEEP_VISIBILITY);
    }

    public enum Kind {
        /** The result is stored. */
        COMPLETED(true),
        /** The job was already DONE or FAILED: a duplicate delivery, nothing to do. */
        ALREADY_FINISHED(true),
        /** Not started: it would not finish in the time left; a copy of the message was sent for a later invocation. */
        DEFERRED(true),
        /** Could not be done now; the message returns to the queue after {@code retryAfterSeconds}. */
        RETRY(false),
        /** Can never be processed; the message goes on failing until SQS moves it to the DLQ. */
        POISON(false);

        private final boolean acknowledged;

        Kind(boolean acknowledged) {
            this.acknowledged = acknowledged;
        }
    }

    /** True when the message is done with and may leave the queue. */
    public boolean acknowledged() {
        return kind.acknowledged;
    }
}
