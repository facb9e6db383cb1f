package fiblab.bench.peers;

/** A peer cannot run on this machine: the message is one line that says what to install or run. */
public final class PeerUnavailableException extends IllegalStateException {

    public PeerUnavailableException(String message) {
        super(message);
    }
}
