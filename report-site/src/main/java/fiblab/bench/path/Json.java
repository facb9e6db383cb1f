package fiblab.bench.path;

/** Reading numbers out of parsed JSON, where a field may be absent or of any numeric type. */
final class Json {

    private Json() {}

    static long longOr(Object value, long fallback) {
        if (value instanceof Number number) {
            return number.longValue();
        }
        if (value instanceof String text) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
        return fallback;
    }
}
