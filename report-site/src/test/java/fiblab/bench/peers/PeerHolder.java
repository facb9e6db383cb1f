package fiblab.bench.peers;

import java.nio.file.Files;
import java.nio.file.Path;

/** Run in a child JVM by a test: starts the Express peer, prints its pid, and waits to be stopped. */
public final class PeerHolder {

    private PeerHolder() {}

    public static void main(String[] args) throws Exception {
        Path log = Files.createTempDirectory("fiblab-peer-holder-").resolve("peer.log");
        PeerServer server = PeerServer.start(Peer.valueOf(args[0]), Path.of("peers"), log, System.getenv());
        System.out.println("PID " + server.pid());
        System.out.flush();
        Thread.sleep(60_000);
    }
}
