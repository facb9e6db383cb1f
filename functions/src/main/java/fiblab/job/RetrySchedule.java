package fiblab.job;

/**
 * When a message whose job failed for a transient reason comes back: after {@code firstSeconds},
 * doubling with each receive, at most {@code maxSeconds} (SQS allows a visibility of up to 12 h).
 * The default brings a message back after 10, 20, 40 s instead of the queue's 1,800 s visibility.
 */
public record RetrySchedule(int firstSeconds, int maxSeconds) {

    public static final RetrySchedule DEFAULT = new RetrySchedule(10, 900);

    public RetrySchedule {
        if (firstSeconds < 0 || maxSeconds < firstSeconds || maxSeconds > 43_200) {
            throw new IllegalArgumentException("retry delays must satisfy 0 <= first <= max <= 43200 s");
        }
    }

    /** Seconds until the message that was received for the {@code receiveCount}-th time comes back. */
    public int delaySeconds(int receiveCount) {
        int doublings = Math.max(0, Math.min(receiveCount - 1, 30));
        long delay = (long) firstSeconds << doublings;
        return (int) Math.min(maxSeconds, delay);
    }
}
