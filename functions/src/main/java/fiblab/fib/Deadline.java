package fiblab.fib;

/** A point in time after which a computation gives up. */
public interface Deadline {

    /**
     * Never expires: for callers with no time limit of their own (tests, SnapStart priming, the
     * fib(n) convenience overload). The handlers pass a real deadline taken from the Lambda context.
     */
    Deadline NONE = () -> {};

    /** Throws {@link DeadlineExceededException} when the deadline has passed. */
    void check();

    /** A deadline {@code millis} from now, on the monotonic clock. */
    static Deadline inMillis(long millis) {
        long limit = System.nanoTime() + millis * 1_000_000L;
        return () -> {
            if (System.nanoTime() - limit > 0) {
                throw new DeadlineExceededException(millis);
            }
        };
    }
}
