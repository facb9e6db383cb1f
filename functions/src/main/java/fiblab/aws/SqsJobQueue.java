package fiblab.aws;

import fiblab.admission.BacklogGauge;
import fiblab.job.JobMessage;
import fiblab.job.JobMessageCodec;
import fiblab.job.JobQueue;
import fiblab.job.QueueUnavailableException;
import fiblab.job.Redelivery;
import org.crac.Context;
import org.crac.Resource;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * {@link JobQueue} and {@link Redelivery} on an SQS queue. Primes its client before a SnapStart
 * snapshot with a harmless read.
 */
public final class SqsJobQueue implements JobQueue, Redelivery, Resource {

    private final SqsClient client;
    private final String queueUrl;
    private final CallBudget budget;

    public SqsJobQueue(SqsClient client, String queueUrl) {
        this(client, queueUrl, CallBudget.unbounded());
    }

    /** @param budget sizes each call's timeout to what is left of the current invocation */
    public SqsJobQueue(SqsClient client, String queueUrl, CallBudget budget) {
        this.client = client;
        this.queueUrl = queueUrl;
        this.budget = budget;
    }

    /** How many messages wait in this queue, read through the same client. */
    public BacklogGauge backlogGauge() {
        return new SqsBacklogGauge(client, queueUrl);
    }

    @Override
    public void send(JobMessage message, int delaySeconds) {
        try {
            client.sendMessage(b -> b.queueUrl(queueUrl)
                    .messageBody(JobMessageCodec.write(message))
                    .delaySeconds(delaySeconds)
                    .overrideConfiguration(budget.nextCall()));
        } catch (SdkException unavailable) {
            throw new QueueUnavailableException(
                    "could not send job " + message.jobId() + " to " + queueUrl + ": " + unavailable.getMessage(),
                    unavailable);
        }
    }

    @Override
    public void after(String receiptHandle, int delaySeconds) {
        try {
            client.changeMessageVisibility(b -> b.queueUrl(queueUrl)
                    .receiptHandle(receiptHandle)
                    .visibilityTimeout(delaySeconds)
                    .overrideConfiguration(budget.nextCall()));
        } catch (SdkException unavailable) {
            throw new QueueUnavailableException(
                    "could not change the visibility of a message of " + queueUrl + ": " + unavailable.getMessage(),
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
