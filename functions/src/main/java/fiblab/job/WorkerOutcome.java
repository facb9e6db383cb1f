package fiblab.job;

/** What the worker did with one message, and whether the message may be deleted from the queue. */
public record WorkerOutcome(Kind kind, String jobId, String detail) {

    public enum Kind {
        /** The result is stored. */
        COMPLETED(true),
        /** The job was already DONE or FAILED: a duplicate delivery, nothing to do. */
        ALREADY_FINISHED(true),
        /** Could not be done now; the message returns to the queue after its visibility timeout. */
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
