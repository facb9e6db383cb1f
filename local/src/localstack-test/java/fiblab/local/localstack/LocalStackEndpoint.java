package fiblab.local.localstack;

import java.net.URI;
import java.util.function.Supplier;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * With {@code -Plocalstack}: LocalStack (SQS and DynamoDB) in Docker, started once for the test
 * JVM; the end-to-end tests load this class by name and run the stack against its endpoint
 * instead of ElasticMQ and dynalite. Testcontainers removes the container when the JVM ends.
 */
public final class LocalStackEndpoint implements Supplier<URI> {

    private static LocalStackContainer container;

    @Override
    public synchronized URI get() {
        if (container == null) {
            container = new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.4"))
                    .withServices(LocalStackContainer.Service.SQS, LocalStackContainer.Service.DYNAMODB);
            container.start();
        }
        return container.getEndpoint();
    }
}
