package fiblab.bench.result;

/** How a run offered its load: a fixed number of clients, or a fixed rate of arrivals. */
public enum LoadMode {
    CLOSED,
    OPEN;

    /** The name results.json uses (jackson-jr writes and reads an enum by this). */
    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static LoadMode of(String mode) {
        return valueOf(mode.toUpperCase(java.util.Locale.ROOT));
    }
}
