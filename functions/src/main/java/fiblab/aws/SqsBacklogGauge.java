package fiblab.aws;

import fiblab.admission.BacklogGauge;
import java.time.Duration;
import java.util.OptionalLong;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * {@link BacklogGauge} on an SQS queue's ApproximateNumberOfMessages (visible messages waiting for a
 * worker). SQS says this figure is approximate and may take about a minute to settle after
 * producers stop: https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_GetQueueAttributes.html
 */
public final class SqsBacklogGauge implements BacklogGauge {

    /**
     * A reading is an optimisation (admission, replay on read), never worth stalling a submit for:
     * the whole call, retries included, gives up after this and the gauge reads empty.
     */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(1);

    private final SqsClient client;
    private final String queueUrl;

    public SqsBacklogGauge(SqsClient client, String queueUrl) {
        this.client = client;
        this.queueUrl = queueUrl;
    }

    @Override
    public OptionalLong waitingMessages() {
        try {
            String count = client.getQueueAttributes(b -> b.queueUrl(queueUrl)
                            .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)
                            .overrideConfiguration(o -> o.apiCallTimeout(READ_TIMEOUT)))
                    .attributes()
                    .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
            return count == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(count));
        } catch (SdkException | NumberFormatException unreadable) {
            return OptionalLong.empty();
        }
    }
}
