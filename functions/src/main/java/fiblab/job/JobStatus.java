package fiblab.job;

/** Where a job is in its life: PENDING, then RUNNING, then DONE or FAILED for good. */
public enum JobStatus {
    PENDING,
    RUNNING,
    DONE,
    FAILED;

    public boolean isTerminal() {
        return this == DONE || this == FAILED;
    }
}
