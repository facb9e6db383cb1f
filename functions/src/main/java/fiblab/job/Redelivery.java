package fiblab.job;

/**
 * Brings a received message back after a chosen delay instead of the queue's whole visibility
 * timeout (SQS ChangeMessageVisibility on the delivery's receipt handle). Throws
 * {@link QueueUnavailableException} when the queue cannot be reached; the message then comes back
 * after the visibility timeout, as it would have anyway.
 */
public interface Redelivery {

    void after(String receiptHandle, int delaySeconds);
}
