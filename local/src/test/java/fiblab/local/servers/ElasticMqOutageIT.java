package fiblab.local.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fiblab.local.aws.AwsEndpoints;
import org.junit.jupiter.api.Test;
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
}
