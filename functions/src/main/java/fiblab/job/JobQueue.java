package fiblab.job;

/** Hands a job to the workers. Throws {@link QueueUnavailableException} when the queue cannot be reached. */
public interface JobQueue {

    void send(JobMessage message);
}
