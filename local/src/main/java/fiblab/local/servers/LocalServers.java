package fiblab.local.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The one launcher of the local AWS-compatible servers: ElasticMQ for SQS and dynalite for
 * DynamoDB, each on a free loopback port. The local stack and the integration tests both use it.
 */
public final class LocalServers implements AutoCloseable {

    /** The account id the local servers put into queue URLs and ARNs. */
    public static final String ACCOUNT_ID = "000000000000";

    private final ElasticMqServer sqs;
    private final DynaliteServer dynamoDb;
    private final Path temporaryDirectory;

    private LocalServers(ElasticMqServer sqs, DynaliteServer dynamoDb, Path temporaryDirectory) {
        this.sqs = sqs;
        this.dynamoDb = dynamoDb;
        this.temporaryDirectory = temporaryDirectory;
    }

    /**
     * Starts both servers. dynalite keeps its tables in a fresh temporary directory, so that a
     * restarted dynalite still has them (the directory is deleted on close).
     */
    public static LocalServers start(String region) {
        return start(region, null, line -> {});
    }

    /**
     * Starts both servers; dynalite is supervised ({@code events} hears of a death and restart).
     *
     * @param dataDirectory where dynalite keeps its tables ({@code DIR/dynalite}) and ElasticMQ its
     *     queues and messages ({@code DIR/elasticmq}) across runs, kept on close; or null for a
     *     temporary table directory deleted on close and queues in memory
     */
    public static LocalServers start(String region, Path dataDirectory, Consumer<String> events) {
        Path data;
        Path temporary = null;
        try {
            if (dataDirectory == null) {
                temporary = Files.createTempDirectory("fiblab-dynalite-");
                data = temporary;
            } else {
                data = Files.createDirectories(dataDirectory.resolve("dynalite"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create dynalite's data directory", e);
        }
        DynaliteServer dynamoDb = DynaliteServer.start(0, data, events);
        try {
            ElasticMqServer sqs = ElasticMqServer.start(
                    0,
                    region,
                    ACCOUNT_ID,
                    dataDirectory == null ? null : Files.createDirectories(dataDirectory.resolve("elasticmq")));
            return new LocalServers(sqs, dynamoDb, temporary);
        } catch (IOException e) {
            dynamoDb.stop();
            throw new UncheckedIOException("cannot create ElasticMQ's data directory", e);
        } catch (RuntimeException e) {
            dynamoDb.stop();
            if (temporary != null) {
                deleteQuietly(temporary);
            }
            throw e;
        }
    }

    public ElasticMqServer sqs() {
        return sqs;
    }

    public DynaliteServer dynamoDb() {
        return dynamoDb;
    }

    public URI sqsEndpoint() {
        return sqs.endpoint();
    }

    public URI dynamoDbEndpoint() {
        return dynamoDb.endpoint();
    }

    @Override
    public void close() {
        try {
            sqs.close();
        } finally {
            dynamoDb.stop();
            if (temporaryDirectory != null) {
                deleteQuietly(temporaryDirectory);
            }
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a leftover temp directory is harmless
        }
    }
}
