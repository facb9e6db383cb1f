package fiblab.local.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fiblab.local.aws.AwsEndpoints;
import fiblab.local.testing.Eventually;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** SQS made unreachable and brought back, as an outage is: the queue and its messages are still there. */
class ElasticMqOutageIT {

    @Test
    void restart_shouldServeTheSameQueuesAndMessages_onTheSamePort() {
        try (ElasticMqServer sqsServer = ElasticMqServer.start(0, "us-east-1", LocalServers.ACCOUNT_ID);
                SqsClient sqs = new AwsEndpoints(sqsServer.endpoint(), sqsServer.endpoint(), "us-east-1").sqsClient()) {
            // Given a queue holding a message
            String url = sqs.createQueue(r -> r.queueName("outage")).queueUrl();
            sqs.sendMessage(r -> r.queueUrl(url).messageBody("kept"));
            var endpoint = sqsServer.endpoint();

            // When SQS is unreachable for a while
            sqsServer.stop();
            assertThatThrownBy(() -> sqs.sendMessage(r -> r.queueUrl(url).messageBody("lost")))
                    .isInstanceOf(SdkClientException.class);
            sqsServer.restart();

            // Then it answers on the same port with the message it had
            assertThat(sqsServer.endpoint()).isEqualTo(endpoint);
            assertThat(sqs.receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(1))
                            .messages())
                    .extracting(Message::body)
                    .containsExactly("kept");
        }
    }

    @Test
    void messageStore_shouldKeepQueuesAndMessages_acrossAClose(@TempDir Path store) {
        // Given a queue with a message, and one received but not deleted, in a server with a store
        try (ElasticMqServer first = ElasticMqServer.start(0, "us-east-1", LocalServers.ACCOUNT_ID, store);
                SqsClient sqs = new AwsEndpoints(first.endpoint(), first.endpoint(), "us-east-1").sqsClient()) {
            String url = sqs.createQueue(r -> r.queueName("kept")).queueUrl();
            sqs.sendMessage(r -> r.queueUrl(url).messageBody("one"));
            sqs.sendMessage(r -> r.queueUrl(url).messageBody("two"));
            assertThat(sqs.receiveMessage(r -> r.queueUrl(url).visibilityTimeout(1))
                            .messages())
                    .hasSize(1);
        }

        // When a new server starts on the same store
        try (ElasticMqServer second = ElasticMqServer.start(0, "us-east-1", LocalServers.ACCOUNT_ID, store);
                SqsClient sqs = new AwsEndpoints(second.endpoint(), second.endpoint(), "us-east-1").sqsClient()) {
            String url = sqs.getQueueUrl(r -> r.queueName("kept")).queueUrl();

            // Then the queue and both messages are there
            List<String> bodies = new ArrayList<>();
            Eventually.within(Duration.ofSeconds(10), () -> {
                sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1))
                        .messages()
                        .forEach(m -> bodies.add(m.body()));
                return bodies.size() >= 2;
            });
            assertThat(bodies).containsExactlyInAnyOrder("one", "two");
        }
    }
}
