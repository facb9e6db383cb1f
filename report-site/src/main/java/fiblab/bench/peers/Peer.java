package fiblab.bench.peers;

/**
 * The servers of the seed's experiment, which fiblab is compared with: each lives in
 * {@code report-site/peers/<id>/} and answers {@code GET /fib/{n}} with naive recursion.
 */
public enum Peer {
    FLASK("flask", "app.py", "Flask development server, single-threaded (threaded=False), as in the article"),
    EXPRESS("express", "server.js", "Express 4 on Node.js, one process (its event loop is single-threaded)");

    private final String id;
    private final String script;
    private final String server;

    Peer(String id, String script, String server) {
        this.id = id;
        this.script = script;
        this.server = server;
    }

    /** The folder name under {@code report-site/peers/}, and the run's path in results.json. */
    public String id() {
        return id;
    }

    public String script() {
        return script;
    }

    /** A phrase for the report: what serves the requests. */
    public String server() {
        return server;
    }
}
