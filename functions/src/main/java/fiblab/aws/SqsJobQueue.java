package fiblab.aws;

import fiblab.job.JobMessage;
import fiblab.job.JobMessageCodec;
import fiblab.job.JobQueue;
import fiblab.job.QueueUnavailableException;
import org.crac.Context;
import org.crac.Resource;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** {@link JobQueue} on an SQS queue. Primes its client before a SnapStart snapshot with a harmless read. */
public final class SqsJobQueue implements JobQueue, Resource {

    private final SqsClient client;
    private final String queueUrl;

    public SqsJobQueue(SqsClient client, String queueUrl) {
        this.client = client;
        this.queueUrl = queueUrl;
    }

    @Override
    public void send(JobMessage message) {
        try {
            client.sendMessage(b -> b.queueUrl(queueUrl).messageBody(JobMessageCodec.write(message)));
        } catch (SdkException unavailable) {
            throw new QueueUnavailableException(
                    "could not send job " + message.jobId() + " to " + queueUrl + ": " + unavailable.getMessage(),
                    unavailable);
        }
    }

    /** Priming for SnapStart: reading one attribute loads the SQS request path without sending anything. */
    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        try {
            client.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN));
        } catch (SdkException unreachable) {
            // Priming is best effort: a snapshot must not fail because the queue was slow to answer.
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to refresh: see DynamoDbJobStore#afterRestore.
    }
}
