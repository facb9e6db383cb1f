package fiblab.json;

/** Text that is not one well-formed JSON value. */
public final class JsonSyntaxException extends RuntimeException {

    public JsonSyntaxException(String message) {
        super(message, null, false, false);
    }
}
