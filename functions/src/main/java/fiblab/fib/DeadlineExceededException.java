package fiblab.fib;

/** A computation ran out of the time it was given. */
public final class DeadlineExceededException extends RuntimeException {

    public DeadlineExceededException(long budgetMillis) {
        super("the computation did not finish within its budget of " + budgetMillis + " ms", null, false, false);
    }
}
