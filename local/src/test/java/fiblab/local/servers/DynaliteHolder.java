package fiblab.local.servers;

/** Run in a child JVM by a test: starts dynalite, prints its pid, and waits to be killed. */
public final class DynaliteHolder {

    private DynaliteHolder() {}

    public static void main(String[] args) throws Exception {
        DynaliteServer server = DynaliteServer.start(0, null);
        System.out.println("PID " + server.pid());
        System.out.flush();
        Thread.sleep(60_000);
    }
}
