package fiblab.local.servers;

import java.net.URI;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/** ElasticMQ, embedded in this JVM, speaking the SQS API on a loopback port. */
public final class ElasticMqServer implements AutoCloseable {

    private final String region;
    private final String accountId;
    private int port;
    private SQSRestServer server;

    private ElasticMqServer(String region, String accountId) {
        this.region = region;
        this.accountId = accountId;
    }

    /** Starts on {@code port}, or on any free port when it is 0. */
    public static ElasticMqServer start(int port, String region, String accountId) {
        ElasticMqServer server = new ElasticMqServer(region, accountId);
        server.bind(port);
        return server;
    }

    private synchronized void bind(int requestedPort) {
        var builder = SQSRestServerBuilder.withInterface("127.0.0.1")
                .withAWSRegion(region)
                .withAWSAccountId(accountId);
        builder = requestedPort == 0 ? builder.withDynamicPort() : builder.withPort(requestedPort);
        try {
            server = builder.start();
            port = server.waitUntilStarted().localAddress().getPort();
        } catch (RuntimeException e) {
            throw new ServerStartException(
                    "ElasticMQ (SQS) could not start on 127.0.0.1:" + requestedPort + " (" + e.getMessage()
                            + "): free that port or choose another",
                    e);
        }
    }

    public synchronized URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /**
     * Stops the server; queues and messages are lost (ElasticMQ keeps them in memory). ElasticMQ's
     * own stopAndWait waits up to a minute for clients' idle keep-alive connections to close, so
     * the wait here is bounded: the port is unbound at once, the rest ends in the background.
     */
    public synchronized void stop() {
        if (server != null) {
            try {
                scala.concurrent.Await.ready(
                        server.stopAndGetFuture().apply(),
                        scala.concurrent.duration.Duration.create(
                                STOP_WAIT_SECONDS, java.util.concurrent.TimeUnit.SECONDS));
            } catch (java.util.concurrent.TimeoutException | InterruptedException e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
            }
            server = null;
        }
    }

    private static final int STOP_WAIT_SECONDS = 2;

    /** Starts again on the same port, for tests that take SQS away and bring it back. */
    public synchronized void restart() {
        stop();
        bind(port);
    }

    @Override
    public void close() {
        stop();
    }
}
