package fiblab.job;

/** A message that no retry can ever process. {@code jobId} is null when the message does not name one. */
public final class PoisonMessageException extends RuntimeException {

    private final String jobId;

    public PoisonMessageException(String jobId, String reason) {
        super(reason, null, false, false);
        this.jobId = jobId;
    }

    public String jobId() {
        return jobId;
    }
}
