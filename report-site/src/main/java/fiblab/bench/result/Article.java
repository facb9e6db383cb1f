package fiblab.bench.result;

/**
 * The article whose experiment the peers repeat: what it found, its ratio of Express's
 * throughput over Flask's, and how it measured.
 */
public record Article(String finding, int expressOverFlask, String setup) {}
