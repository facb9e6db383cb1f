package fiblab.job;

/** Hands a job to the workers. Throws {@link QueueUnavailableException} when the queue cannot be reached. */
public interface JobQueue {

    /** Sends the job's message; workers see it after {@code delaySeconds} (0 to 900, SQS's DelaySeconds). */
    void send(JobMessage message, int delaySeconds);

    default void send(JobMessage message) {
        send(message, 0);
    }
}
