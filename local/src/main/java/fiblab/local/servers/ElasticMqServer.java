package fiblab.local.servers;

import java.net.URI;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Props;
import org.elasticmq.StrictSQSLimits$;
import org.elasticmq.actor.QueueManagerActor;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.elasticmq.util.NowProvider;

/**
 * ElasticMQ, embedded in this JVM, speaking the SQS API on a loopback port. The queues live in an
 * actor system of their own, outside the HTTP server: {@link #stop()} makes SQS unreachable and
 * {@link #restart()} brings it back on the same port with every queue and message still there, as
 * an SQS outage would (SQS keeps messages durably); {@link #close()} ends it for good.
 */
public final class ElasticMqServer implements AutoCloseable {

    private static final int STOP_WAIT_SECONDS = 2;

    private final String region;
    private final String accountId;
    private final ActorSystem actors;
    private final ActorRef queues;
    private int port;
    private SQSRestServer server;

    private ElasticMqServer(String region, String accountId) {
        this.region = region;
        this.accountId = accountId;
        this.actors = ActorSystem.create("fiblab-sqs");
        this.queues = actors.actorOf(Props.create(
                QueueManagerActor.class,
                () -> new QueueManagerActor(new NowProvider(), StrictSQSLimits$.MODULE$, scala.Option.empty())));
    }

    /** Starts on {@code port}, or on any free port when it is 0. */
    public static ElasticMqServer start(int port, String region, String accountId) {
        ElasticMqServer server = new ElasticMqServer(region, accountId);
        try {
            server.bind(port);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private synchronized void bind(int requestedPort) {
        var builder = SQSRestServerBuilder.withInterface("127.0.0.1")
                .withActorSystem(actors)
                .withQueueManagerActor(queues)
                .withAWSRegion(region)
                .withAWSAccountId(accountId);
        builder = requestedPort == 0 ? builder.withDynamicPort() : builder.withPort(requestedPort);
        try {
            server = builder.start();
            port = server.waitUntilStarted().localAddress().getPort();
        } catch (RuntimeException e) {
            server = null;
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
     * Unbinds the port: SQS is unreachable until {@link #restart()}; queues and messages are kept.
     * ElasticMQ's own stopAndWait waits up to a minute for clients' idle keep-alive connections to
     * close, so the wait here is bounded: the port is unbound at once, the rest ends in the background.
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

    /** Serves again on the same port, with the queues and messages it had, after a {@link #stop()}. */
    public synchronized void restart() {
        stop();
        bind(port);
    }

    /** Stops serving and discards the queues. */
    @Override
    public synchronized void close() {
        stop();
        actors.terminate();
    }
}
