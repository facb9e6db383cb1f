package fiblab.bench.path;

/** One unit of work a load loop repeats: a request on the inline path, or a whole job on the async one. */
@FunctionalInterface
public interface Operation {

    /** Performs the operation; failures are reported in the sample, never thrown. */
    Sample call();
}
