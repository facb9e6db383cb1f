package fiblab.job;

import fiblab.fib.Algorithm;

/**
 * One job as the table holds it. Times are epoch milliseconds, {@code expiresAt} epoch seconds
 * (DynamoDB TTL). {@code attempts} counts the worker's claims and doubles as the fencing token that
 * lets only the latest claim store a result. {@code queuedAt} is when its message was last sent
 * (null on records written before it existed). Optional values are null when absent.
 */
public record Job(
        String jobId,
        int n,
        Algorithm algorithm,
        JobStatus status,
        String value,
        String errorCode,
        String error,
        long submittedAt,
        Long startedAt,
        Long completedAt,
        Long computeMicros,
        int attempts,
        String idempotencyKey,
        Long leaseUntil,
        long expiresAt,
        Long queuedAt) {

    /** A freshly submitted job. */
    public static Job pending(
            String jobId, int n, Algorithm algorithm, long submittedAt, String idempotencyKey, long expiresAt) {
        return new Job(
                jobId,
                n,
                algorithm,
                JobStatus.PENDING,
                null,
                null,
                null,
                submittedAt,
                null,
                null,
                null,
                0,
                idempotencyKey,
                null,
                expiresAt,
                submittedAt);
    }

    /** Milliseconds between submission and the first start on a worker, once it has started. */
    public Long queueMillis() {
        return startedAt == null ? null : startedAt - submittedAt;
    }

    /** When its message was last sent; for old records, the submit time. */
    public long lastQueuedAt() {
        return queuedAt == null ? submittedAt : queuedAt;
    }

    public boolean sameRequestAs(int otherN, Algorithm otherAlgorithm) {
        return n == otherN && algorithm == otherAlgorithm;
    }
}
