package fiblab.job;

/** An Idempotency-Key came back with a different request than the one it first named. */
public final class IdempotencyKeyReusedException extends RuntimeException {

    private final Job existing;

    public IdempotencyKeyReusedException(String key, Job existing) {
        super(
                "Idempotency-Key \"" + key + "\" was first used for n=" + existing.n() + ", algorithm="
                        + existing.algorithm().wireName() + "; use a new key for a different request",
                null,
                false,
                false);
        this.existing = existing;
    }

    public Job existing() {
        return existing;
    }
}
