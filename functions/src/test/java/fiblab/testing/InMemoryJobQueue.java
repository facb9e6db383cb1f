package fiblab.testing;

import fiblab.job.JobMessage;
import fiblab.job.JobQueue;
import fiblab.job.QueueUnavailableException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link JobQueue} in a list, for unit tests of the core; it can be switched "down". */
public final class InMemoryJobQueue implements JobQueue {

    private final List<JobMessage> sent = new CopyOnWriteArrayList<>();
    private volatile boolean down;
    private volatile boolean dieOnNextSend;

    /** The next send never happens: the invocation dies first (the caller sees an unexpected error). */
    public void dieOnNextSend() {
        dieOnNextSend = true;
    }

    public void goDown() {
        down = true;
    }

    public void comeBack() {
        down = false;
    }

    public List<JobMessage> sent() {
        return List.copyOf(sent);
    }

    @Override
    public void send(JobMessage message, int delaySeconds) {
        if (dieOnNextSend) {
            dieOnNextSend = false;
            throw new IllegalStateException("the invocation ended before the message was sent");
        }
        if (down) {
            throw new QueueUnavailableException("the in-memory queue is down", null);
        }
        sent.add(message);
    }
}
