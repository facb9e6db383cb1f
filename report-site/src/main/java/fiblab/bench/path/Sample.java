package fiblab.bench.path;

/**
 * What one operation on a path produced, beyond its client-side latency (which the load loop
 * measures itself). Durations that the path does not have are -1.
 *
 * @param error          null when the operation succeeded, else a short key such as {@code http-422}
 * @param acceptedNanos  async: time from the start of the operation to the {@code 202}
 * @param computeMicros  server-reported compute time
 * @param queueMicros    async: server-side wait between submit and the worker starting
 * @param writeMicros    async: worker time outside compute (reading, storing the result)
 * @param serverMicros   async: server-side submit-to-completed time, free of polling delay
 * @param polls          async: status requests sent
 */
public record Sample(
        String error,
        long acceptedNanos,
        long computeMicros,
        long queueMicros,
        long writeMicros,
        long serverMicros,
        int polls) {

    public static Sample inline(long computeMicros) {
        return new Sample(null, -1, computeMicros, -1, -1, -1, 0);
    }

    public static Sample failed(String error) {
        return new Sample(error, -1, -1, -1, -1, -1, 0);
    }

    public static Sample failed(String error, long acceptedNanos, int polls) {
        return new Sample(error, acceptedNanos, -1, -1, -1, -1, polls);
    }

    public boolean ok() {
        return error == null;
    }
}
