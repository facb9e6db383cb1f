package fiblab.local.aws;

import static org.assertj.core.api.Assertions.assertThat;

import fiblab.aws.AwsClients;
import fiblab.aws.SqsJobQueue;
import fiblab.config.EnvironmentVariables;
import fiblab.config.Settings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The backlog gauge on an SQS endpoint that accepts connections and never answers (a queue service
 * in a slowdown), through a client built exactly as the API function builds it: reading the
 * backlog must give up within about a second, since every submit's admission waits for it.
 */
class SqsBacklogGaugeIT {

    private ServerSocket silent;
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private Thread acceptor;

    @BeforeEach
    void startASilentServer() throws IOException {
        silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(() -> {
            while (!silent.isClosed()) {
                try {
                    held.add(silent.accept()); // read nothing, answer nothing
                } catch (IOException closed) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterEach
    void stop() throws Exception {
        silent.close();
        for (Socket socket : held) {
            socket.close();
        }
        acceptor.join(2_000);
    }

    @Test
    void waitingMessages_shouldGiveUpWithinAboutASecond_whenTheQueueAcceptsButNeverAnswers() {
        String endpoint = "http://127.0.0.1:" + silent.getLocalPort();
        try (SqsClient client = AwsClients.sqs(new Settings(Map.of(
                EnvironmentVariables.AWS_ENDPOINT_URL_SQS, endpoint,
                EnvironmentVariables.AWS_REGION, "us-east-1",
                EnvironmentVariables.AWS_ACCESS_KEY_ID, "local",
                EnvironmentVariables.AWS_SECRET_ACCESS_KEY, "local")))) {
            SqsJobQueue queue = new SqsJobQueue(client, endpoint + "/000000000000/jobs");

            long started = System.nanoTime();
            OptionalLong backlog = queue.backlogGauge().waitingMessages();
            long tookMillis = (System.nanoTime() - started) / 1_000_000;

            assertThat(backlog).isEmpty();
            assertThat(held).as("the request reached the silent server").isNotEmpty();
            assertThat(tookMillis).as("milliseconds until the gauge gave up").isLessThan(2_500);
        }
    }
}
