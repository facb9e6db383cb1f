package fiblab.bench.overload;

/**
 * One request (inline) or job (async) of an overload step, with its times relative to the step's start.
 *
 * @param intendedNanos   when the open loop meant to send it
 * @param latencyNanos    intended send until the client saw the answer (async: the poll that saw DONE), or gave up
 * @param error           null when the right answer came within patience
 * @param acceptedNanos   async: when the 202 came back (relative to the step's start); -1 otherwise
 * @param completedMillis async: when the server stored the result (its completedAt, relative to the step's
 *                        start on the client's clock, exact when both run on one machine); -1 otherwise
 * @param computeMicros   the server's reported compute time, -1 when not known
 * @param polls           async: status requests sent
 */
public record OverloadSample(
        long intendedNanos,
        long latencyNanos,
        ErrorKind error,
        long acceptedNanos,
        long completedMillis,
        long computeMicros,
        int polls) {

    /** {@code completedMillis} of a job given up on that ended with no completion time (FAILED, or no record). */
    static final long ENDED_WITHOUT_TIME = -2;

    public boolean ok() {
        return error == null;
    }

    /** The same sample with the server's completion time, read after the client gave up on the job. */
    OverloadSample storedAt(long millis) {
        return new OverloadSample(intendedNanos, latencyNanos, error, acceptedNanos, millis, computeMicros, polls);
    }
}
