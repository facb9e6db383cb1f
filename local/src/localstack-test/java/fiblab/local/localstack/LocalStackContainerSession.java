package fiblab.local.localstack;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * With {@code -Plocalstack}: starts LocalStack (SQS and DynamoDB) in Docker before any test runs
 * and hands its endpoint to the end-to-end tests through {@code fiblab.e2e.endpoint}, so they run
 * the same stack against LocalStack instead of ElasticMQ and dynalite.
 */
public final class LocalStackContainerSession implements LauncherSessionListener {

    private LocalStackContainer container;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        container = new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.4"))
                .withServices(LocalStackContainer.Service.SQS, LocalStackContainer.Service.DYNAMODB);
        container.start();
        System.setProperty("fiblab.e2e.endpoint", container.getEndpoint().toString());
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (container != null) {
            container.stop();
        }
    }
}
