package fiblab.job;

/** A create found the job id taken: a retried submit with the same Idempotency-Key. */
public final class JobAlreadyExistsException extends RuntimeException {

    public JobAlreadyExistsException(String jobId) {
        super("job " + jobId + " already exists", null, false, false);
    }
}
