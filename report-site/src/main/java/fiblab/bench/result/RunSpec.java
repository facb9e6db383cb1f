package fiblab.bench.result;

/**
 * What a run measured: which path, with which algorithm and n, in which scenario.
 *
 * @param path {@code inline}, {@code async} or {@code no-work}
 */
public record RunSpec(String scenario, String path, String algorithm, int n) {

    /** A file-name-safe identifier, unique within one results file once the load shape is added. */
    public String id(String mode, int workers, double rate) {
        String shape = "open".equals(mode) ? "r" + Math.round(rate) : "c" + workers;
        return scenario + "-" + path + "-" + algorithm + "-n" + n + "-" + mode + "-" + shape;
    }
}
