package fiblab.job;

/** The job queue could not accept a message. */
public final class QueueUnavailableException extends RuntimeException {

    public QueueUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
