package fiblab.local.servers;

/** A local server could not be started; the message is one line that says what to do. */
public final class ServerStartException extends RuntimeException {

    public ServerStartException(String message) {
        super(message);
    }

    public ServerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
