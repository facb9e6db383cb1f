package fiblab.job;

import fiblab.fib.Computation;
import fiblab.fib.Deadline;
import fiblab.fib.DeadlineExceededException;
import fiblab.observe.Metrics;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Processes one queued message. SQS delivers at least once, so every step is safe to repeat: the
 * claim, the result and the failure are conditional writes, and the attempt number fences off a
 * slower earlier claim. A job that would not finish in the time left is not started: a copy of its
 * message goes back to the queue for a fresh invocation. A transient failure comes back after a
 * short, growing delay; on the last receive SQS allows, the job is marked FAILED ({@code GAVE_UP})
 * so that it never reads PENDING while its message sits in the DLQ, and a message redriven from
 * the DLQ reopens it. A message that can never succeed is poison: its job is marked FAILED at once.
 * The job's {@code error} is written for clients; the full reason goes into the outcome's detail,
 * which the handler logs with the job id.
 */
public final class JobWorker {

    /** Time kept back from the computation for storing its result. */
    static final long WRITE_RESERVE_MILLIS = 1_000;
    /** Added to twice the estimate for a claim's lease. */
    static final long LEASE_MARGIN_MILLIS = 10_000;

    public static final String POISON_MESSAGE = "POISON_MESSAGE";
    public static final String GAVE_UP = "GAVE_UP";

    private final JobStore store;
    private final JobQueue queue;
    private final WorkerPolicy policy;
    private final Clock clock;
    private final Metrics metrics;

    public JobWorker(JobStore store, JobQueue queue, WorkerPolicy policy, Clock clock, Metrics metrics) {
        this.store = store;
        this.queue = queue;
        this.policy = policy;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** As {@link #process(String, int, long, long)} for a message that is the first of its invocation. */
    public WorkerOutcome process(String body, int receiveCount, long remainingMillis) {
        return process(body, receiveCount, remainingMillis, remainingMillis);
    }

    /**
     * @param receiveCount     SQS's ApproximateReceiveCount for this delivery
     * @param remainingMillis  time left in this invocation now
     * @param invocationMillis time the invocation had when it started (what a fresh one would have)
     */
    public WorkerOutcome process(String body, int receiveCount, long remainingMillis, long invocationMillis) {
        return process(body, receiveCount, remainingMillis, invocationMillis, Runnable::run)
                .join();
    }

    /**
     * As {@link #process(String, int, long, long)}, but the result is stored on {@code writes}: the
     * computation runs on the caller's thread, and the caller may start its next message while the
     * result's write is on its way. The stage completes with the outcome once the write has answered
     * (a write that fails is a transient failure, as it would be in line); every other outcome is
     * complete when this returns. The caller must wait for every stage before its invocation ends.
     */
    public CompletableFuture<WorkerOutcome> process(
            String body, int receiveCount, long remainingMillis, long invocationMillis, Executor writes) {
        JobMessage message;
        try {
            message = validated(JobMessageCodec.read(body));
        } catch (PoisonMessageException poison) {
            if (poison.jobId() != null) {
                failUnclaimed(
                        poison.jobId(),
                        POISON_MESSAGE,
                        "the job's message cannot be processed: " + poison.getMessage());
            }
            return done(new WorkerOutcome(WorkerOutcome.Kind.POISON, poison.jobId(), poison.getMessage(), 0));
        }
        try {
            return run(new Delivery(message, receiveCount, remainingMillis, invocationMillis, writes), true);
        } catch (RuntimeException failure) {
            return done(transientFailure(message, receiveCount, null, failure));
        }
    }

    private static CompletableFuture<WorkerOutcome> done(WorkerOutcome outcome) {
        return CompletableFuture.completedFuture(outcome);
    }

    private JobMessage validated(JobMessage message) {
        int max = policy.limits().asyncMax(message.algorithm());
        if (message.n() > max) {
            throw new PoisonMessageException(message.jobId(), aboveLimit(message.n(), max, message.algorithm()));
        }
        return message;
    }

    private static String aboveLimit(int n, int max, fiblab.fib.Algorithm algorithm) {
        return "n=" + n + " is above this worker's limit of " + max + " for algorithm=" + algorithm.wireName();
    }

    /** One delivery of a message: what it says, its receive count, the invocation's time, where its write goes. */
    private record Delivery(
            JobMessage message, int receiveCount, long remainingMillis, long invocationMillis, Executor writes) {}

    private CompletableFuture<WorkerOutcome> run(Delivery delivery, boolean mayReopen) {
        JobMessage message = delivery.message();
        int receiveCount = delivery.receiveCount();
        long remainingMillis = delivery.remainingMillis();
        String jobId = message.jobId();
        long budget = remainingMillis - WRITE_RESERVE_MILLIS;
        long estimate = policy.costModel().estimateMillis(message.algorithm(), message.n());
        if (estimate > budget && estimate <= delivery.invocationMillis() - WRITE_RESERVE_MILLIS) {
            return done(defer(message, receiveCount, estimate, budget));
        }
        if (budget <= 0) {
            return done(transientFailure(message, receiveCount, null, new DeadlineExceededException(0)));
        }
        long now = clock.millis();
        Optional<Job> claimed = store.claim(jobId, now, now + leaseMillis(estimate, remainingMillis));
        if (claimed.isEmpty()) {
            return notClaimed(delivery, mayReopen);
        }
        Job job = claimed.get();
        int attempt = job.attempts();
        int max = policy.limits().asyncMax(job.algorithm());
        if (job.n() > max) {
            // The table, not the message, says what is computed, so the limit is checked on the table's n.
            String reason = aboveLimit(job.n(), max, job.algorithm());
            failQuietly(jobId, attempt, POISON_MESSAGE, "the job cannot be computed: " + reason);
            return done(new WorkerOutcome(WorkerOutcome.Kind.POISON, jobId, reason, 0));
        }
        if (attempt == 1) {
            metrics.waited(job.queueMillis());
        }
        Computation result;
        try {
            result = Computation.run(job.algorithm(), job.n(), Deadline.inMillis(budget));
            metrics.computed("async", job.algorithm(), result.computeMicros());
        } catch (RuntimeException failure) {
            return done(transientFailure(message, receiveCount, attempt, failure));
        }
        // The write needs nothing from this thread: the next message's claim and computation go on meanwhile.
        return CompletableFuture.supplyAsync(() -> store(message, receiveCount, attempt, result), delivery.writes());
    }

    private WorkerOutcome store(JobMessage message, int receiveCount, int attempt, Computation result) {
        String jobId = message.jobId();
        try {
            boolean stored =
                    store.complete(jobId, attempt, result.value().toString(), result.computeMicros(), clock.millis());
            return stored
                    ? new WorkerOutcome(
                            WorkerOutcome.Kind.COMPLETED, jobId, "computed in " + result.computeMicros() + " us")
                    : new WorkerOutcome(
                            WorkerOutcome.Kind.ALREADY_FINISHED, jobId, "another delivery stored the result first");
        } catch (RuntimeException failure) {
            return transientFailure(message, receiveCount, attempt, failure);
        }
    }

    /**
     * How long a claim keeps other deliveries off the job: about what the job should take, not the
     * whole invocation, so that a delivery that fails after claiming (the table went away before the
     * result could be stored) does not hold the job's retries back for minutes.
     */
    static long leaseMillis(long estimateMillis, long remainingMillis) {
        return Math.min(remainingMillis, 2 * estimateMillis + LEASE_MARGIN_MILLIS);
    }

    /** Sends a copy for a fresh invocation and lets this delivery go, so no receive is spent on it. */
    private WorkerOutcome defer(JobMessage message, int receiveCount, long estimate, long budget) {
        String detail = "estimated " + estimate + " ms, " + Math.max(0, budget) + " ms left";
        if (alreadyFinished(message.jobId())) {
            // A duplicate (a replay, an earlier deferral's copy) of a finished job: no copy is needed.
            return new WorkerOutcome(
                    WorkerOutcome.Kind.ALREADY_FINISHED, message.jobId(), "the job is already finished");
        }
        try {
            queue.send(message, 0);
            return new WorkerOutcome(
                    WorkerOutcome.Kind.DEFERRED, message.jobId(), detail + ": sent again for a later invocation");
        } catch (QueueUnavailableException unavailable) {
            return transientFailure(message, receiveCount, null, unavailable);
        }
    }

    /** An eventually consistent look (half a read unit); when it cannot be had, the job is not known finished. */
    private boolean alreadyFinished(String jobId) {
        try {
            return store.findEventually(jobId)
                    .map(job -> job.status().isTerminal())
                    .orElse(false);
        } catch (StoreUnavailableException unavailable) {
            return false;
        }
    }

    private CompletableFuture<WorkerOutcome> notClaimed(Delivery delivery, boolean mayReopen) {
        int receiveCount = delivery.receiveCount();
        String jobId = delivery.message().jobId();
        Optional<Job> current = store.find(jobId);
        if (current.isEmpty()) {
            return done(new WorkerOutcome(WorkerOutcome.Kind.POISON, jobId, "no job " + jobId + " is recorded", 0));
        }
        Job job = current.get();
        long now = clock.millis();
        if (mayReopen
                && job.status() == JobStatus.FAILED
                && GAVE_UP.equals(job.errorCode())
                && store.reopen(
                        jobId, GAVE_UP, now, now / 1000 + policy.timeToLive().toSeconds())) {
            // A message redriven from the DLQ (or another copy) is an operator's retry of a job that gave up.
            return run(delivery, false);
        }
        if (job.status().isTerminal()) {
            return done(new WorkerOutcome(
                    WorkerOutcome.Kind.ALREADY_FINISHED, jobId, "the job is already " + job.status()));
        }
        // Another delivery holds a live lease: look again once it would have ended.
        long leaseSeconds = job.leaseUntil() == null ? 0 : (job.leaseUntil() - now) / 1000 + 1;
        int delay = (int) Math.min(
                policy.retrySchedule().maxSeconds(),
                Math.max(policy.retrySchedule().delaySeconds(receiveCount), leaseSeconds));
        return done(new WorkerOutcome(
                WorkerOutcome.Kind.RETRY,
                jobId,
                "another delivery is computing this job (status " + job.status() + ")",
                delay));
    }

    /**
     * A failure that a later delivery may not meet: the message comes back after the schedule's
     * delay, and on the last receive the job is marked GAVE_UP (fenced by {@code attempt} when
     * this delivery holds the claim). If the table cannot take that write either, the message
     * must not go on to the DLQ while its job reads PENDING with nothing left to end it: a fresh
     * copy (receive count 1) is queued after the same delay, so the job is computed once the
     * table is back. Only when the queue refuses that copy too does the message reach the DLQ.
     */
    private WorkerOutcome transientFailure(
            JobMessage message, int receiveCount, Integer attempt, RuntimeException cause) {
        String jobId = message.jobId();
        String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        int delay = policy.retrySchedule().delaySeconds(receiveCount);
        if (receiveCount >= policy.maxReceiveCount()) {
            String error = "gave up after " + receiveCount + " deliveries: " + forClients(cause)
                    + "; an operator can retry it by redriving its message from the dead-letter queue";
            boolean recorded = attempt != null
                    ? failQuietly(jobId, attempt, GAVE_UP, error)
                    : failUnclaimed(jobId, GAVE_UP, error);
            if (!recorded) {
                try {
                    queue.send(message, delay);
                    return new WorkerOutcome(
                            WorkerOutcome.Kind.DEFERRED,
                            jobId,
                            "the job store could not record the give-up (" + reason + "); sent again after " + delay
                                    + " s");
                } catch (QueueUnavailableException unavailable) {
                    // Both down: the message goes on to the DLQ, whose alarm asks an operator to redrive it.
                }
            }
        }
        return new WorkerOutcome(WorkerOutcome.Kind.RETRY, jobId, reason, delay);
    }

    /** What a client may read about a failure: what happened, without table, queue or SDK names. */
    static String forClients(RuntimeException cause) {
        if (cause instanceof DeadlineExceededException) {
            return "the computation did not finish within the worker's time limit";
        }
        if (cause instanceof StoreUnavailableException) {
            return "the job store could not be reached";
        }
        if (cause instanceof QueueUnavailableException) {
            return "the job queue could not be reached";
        }
        return "an unexpected error occurred (it was logged with this job's id)";
    }

    /**
     * Fails a job this delivery did not claim, unless another delivery holds a live lease on it.
     *
     * @return false when the table could not be reached, true when it answered
     */
    private boolean failUnclaimed(String jobId, String code, String error) {
        try {
            Optional<Job> current = store.find(jobId);
            if (current.isEmpty()) {
                return true;
            }
            Job job = current.get();
            boolean leased =
                    job.status() == JobStatus.RUNNING && job.leaseUntil() != null && job.leaseUntil() >= clock.millis();
            if (!leased) {
                store.fail(jobId, job.attempts(), code, error, clock.millis());
            }
            return true;
        } catch (StoreUnavailableException unavailable) {
            return false;
        }
    }

    /** @return false when the table could not be reached, true when it answered (applied or fenced off) */
    private boolean failQuietly(String jobId, int attempt, String code, String error) {
        try {
            store.fail(jobId, attempt, code, error, clock.millis());
            return true;
        } catch (StoreUnavailableException unavailable) {
            return false;
        }
    }
}
