package fiblab.local.servers;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Props;
import org.apache.pekko.pattern.Patterns;
import org.elasticmq.StrictSQSLimits$;
import org.elasticmq.actor.QueueManagerActor;
import org.elasticmq.actor.queue.QueueEvent;
import org.elasticmq.persistence.sql.SqlQueuePersistenceActor;
import org.elasticmq.persistence.sql.SqlQueuePersistenceConfig;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.elasticmq.util.NowProvider;
import scala.Option;
import scala.concurrent.Await;
import scala.concurrent.duration.FiniteDuration;

/**
 * ElasticMQ, embedded in this JVM, speaking the SQS API on a loopback port. The queues live in an
 * actor system of their own, outside the HTTP server: {@link #stop()} makes SQS unreachable and
 * {@link #restart()} brings it back on the same port with every queue and message still there, as
 * an SQS outage would (SQS keeps messages durably); {@link #close()} ends it for good. With a
 * message store (ElasticMQ's SQL persistence on an H2 file), queues and messages also survive the
 * JVM: the next start on the same store restores them.
 */
public final class ElasticMqServer implements AutoCloseable {

    private static final int STOP_WAIT_SECONDS = 2;
    private static final Duration RESTORE_TIMEOUT = Duration.ofSeconds(30);

    private final String region;
    private final String accountId;
    private final ActorSystem actors;
    private final ActorRef queues;
    private int port;
    private SQSRestServer server;

    private ElasticMqServer(String region, String accountId, Path messageStore) {
        this.region = region;
        this.accountId = accountId;
        this.actors = ActorSystem.create("fiblab-sqs", settings());
        Option<ActorRef> persistence = messageStore == null ? Option.empty() : Option.apply(persistence(messageStore));
        this.queues = actors.actorOf(Props.create(
                QueueManagerActor.class,
                () -> new QueueManagerActor(new NowProvider(), StrictSQSLimits$.MODULE$, persistence)));
        if (messageStore != null) {
            restore(persistence.get());
        }
    }

    /**
     * The actor system's settings: Pekko's defaults, except that the HTTP server leaves the headers
     * it does not need unparsed. Pekko's model parser rejects the AWS SDK's {@code User-Agent} (its
     * {@code m/D,AK,N,e} part is not a product token), on every request, and a rejected header is
     * parsed again in tracing mode to describe the error: six exceptions per SQS call. ElasticMQ
     * reads none of the modeled headers this turns into raw ones; the headers HTTP itself needs
     * (Host, Content-Type, Content-Length, Connection, Expect) are parsed either way.
     */
    static Config settings() {
        return ConfigFactory.parseString("pekko.http.server.parsing.modeled-header-parsing = off")
                .withFallback(ConfigFactory.load());
    }

    /** Starts on {@code port}, or on any free port when it is 0, keeping queues in memory only. */
    public static ElasticMqServer start(int port, String region, String accountId) {
        return start(port, region, accountId, null);
    }

    /**
     * Starts on {@code port} (0 = any free one).
     *
     * @param messageStore directory of the H2 database that keeps queues and messages across runs,
     *     or null to keep them in memory only
     */
    public static ElasticMqServer start(int port, String region, String accountId, Path messageStore) {
        ElasticMqServer server;
        try {
            server = new ElasticMqServer(region, accountId, messageStore);
        } catch (RuntimeException e) {
            throw new ServerStartException(
                    "ElasticMQ (SQS) could not open its message store in " + messageStore + " (" + e.getMessage()
                            + "): is another local stack using that --data-dir?",
                    e);
        }
        try {
            server.bind(port);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private ActorRef persistence(Path messageStore) {
        SqlQueuePersistenceConfig config = new SqlQueuePersistenceConfig(
                true,
                "org.h2.Driver",
                "jdbc:h2:" + messageStore.toAbsolutePath().resolve("elasticmq"),
                "sa",
                "",
                false);
        return actors.actorOf(Props.create(
                SqlQueuePersistenceActor.class,
                () -> new SqlQueuePersistenceActor(config, scala.collection.immutable.List$.MODULE$.empty())));
    }

    /** Brings back the queues and messages the store holds, before the port is opened. */
    private void restore(ActorRef persistence) {
        try {
            Await.result(
                    Patterns.ask(persistence, new QueueEvent.Restore(queues), RESTORE_TIMEOUT.toMillis()),
                    FiniteDuration.create(RESTORE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
        } catch (Exception e) {
            actors.terminate();
            throw new IllegalStateException("restoring the queues failed: " + e, e);
        }
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
