package fiblab.local.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
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
    private final Path dataDirectory;

    private LocalServers(ElasticMqServer sqs, DynaliteServer dynamoDb, Path dataDirectory) {
        this.sqs = sqs;
        this.dynamoDb = dynamoDb;
        this.dataDirectory = dataDirectory;
    }

    /**
     * Starts both servers. dynalite keeps its tables in a fresh temporary directory, so that a
     * restarted dynalite still has them (the directory is deleted on close).
     */
    public static LocalServers start(String region) {
        Path data;
        try {
            data = Files.createTempDirectory("fiblab-dynalite-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create dynalite's data directory", e);
        }
        DynaliteServer dynamoDb = DynaliteServer.start(0, data);
        try {
            ElasticMqServer sqs = ElasticMqServer.start(0, region, ACCOUNT_ID);
            return new LocalServers(sqs, dynamoDb, data);
        } catch (RuntimeException e) {
            dynamoDb.stop();
            deleteQuietly(data);
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
            sqs.stop();
        } finally {
            dynamoDb.stop();
            deleteQuietly(dataDirectory);
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
