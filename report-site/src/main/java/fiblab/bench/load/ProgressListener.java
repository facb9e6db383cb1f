package fiblab.bench.load;

/** Told after each completed operation; the CLI shows a progress bar with it. */
public interface ProgressListener extends AutoCloseable {

    ProgressListener NONE = () -> {};

    void completed();

    /** Ends the display, if any. */
    @Override
    default void close() {}
}
