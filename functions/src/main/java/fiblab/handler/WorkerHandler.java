package fiblab.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import fiblab.aws.CallBudget;
import fiblab.config.Settings;
import fiblab.fib.FastDoubling;
import fiblab.fib.NaiveRecursion;
import fiblab.job.JobMessageCodec;
import fiblab.job.JobWorker;
import fiblab.job.QueueUnavailableException;
import fiblab.job.Redelivery;
import fiblab.job.WorkerOutcome;
import fiblab.observe.StructuredLogger;
import fiblab.snapstart.SnapStartHooks;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.crac.Resource;

/**
 * The queue worker: processes each message of the batch on its own and reports only the ones
 * that must come back (ReportBatchItemFailures), so one bad message never fails its neighbours.
 * Messages are computed one after another; each result is stored while the next message is claimed
 * and computed, and the invocation returns once every write has answered.
 * A message that must come back is first given the delay the worker chose (ChangeMessageVisibility),
 * so a transient failure is retried in seconds, not after the queue's whole visibility timeout.
 */
public final class WorkerHandler implements RequestHandler<SQSEvent, SQSBatchResponse>, Resource {

    private final JobWorker worker;
    private final Redelivery redelivery;
    private final StructuredLogger log;
    private final CallBudget budget;
    private final SnapStartHooks adapterHooks;
    private final Executor writers = writerThreads();

    /** Lambda's constructor. */
    public WorkerHandler() {
        this(System.getenv());
    }

    /** For hosts that pass the function's environment explicitly, such as the local stack. */
    public WorkerHandler(Map<String, String> environment) {
        this(new Settings(environment));
    }

    private WorkerHandler(Settings settings) {
        this(settings, new CallBudget());
    }

    private WorkerHandler(Settings settings, CallBudget budget) {
        this(Components.worker(settings, budget), Components.logger(settings, "fiblab-worker"), budget);
    }

    private WorkerHandler(Components.Built<Components.Worker> built, StructuredLogger log, CallBudget budget) {
        this(built.core().worker(), built.core().redelivery(), log, budget, built.adapters());
    }

    /** A worker whose messages keep the queue's visibility timeout when they fail, with no adapters to prime. */
    public WorkerHandler(JobWorker worker, StructuredLogger log) {
        this(worker, (receiptHandle, delaySeconds) -> {}, log, CallBudget.unbounded(), List.of());
    }

    /**
     * @param redelivery gives a message that must come back the delay the worker chose
     * @param budget the adapters' call budget, started at each invocation
     * @param adapters the adapters under the core, whose SnapStart hooks run before the handler's own
     */
    public WorkerHandler(
            JobWorker worker,
            Redelivery redelivery,
            StructuredLogger log,
            CallBudget budget,
            List<? extends Resource> adapters) {
        this.worker = worker;
        this.redelivery = redelivery;
        this.log = log;
        this.budget = budget;
        this.adapterHooks = new SnapStartHooks(adapters);
        SnapStartHooks.register(this);
    }

    /**
     * Threads that store results (and log them) while the next message of the batch is claimed and
     * computed; the computations themselves stay on the invocation's thread, one after another, as
     * the time checks before each one assume. A batch has at most 10 messages, so a few threads
     * keep every pending write moving. Idle threads end, so a frozen environment holds none for long.
     */
    static final int WRITER_THREADS = 4;

    private static Executor writerThreads() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(
                WRITER_THREADS, WRITER_THREADS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "fiblab-worker-writes");
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        StructuredLogger invocationLog = log.with("requestId", context.getAwsRequestId());
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        List<SQSEvent.SQSMessage> records = event.getRecords() == null ? List.of() : event.getRecords();
        long invocationMillis = context.getRemainingTimeInMillis();
        budget.startInvocation(invocationMillis);
        List<CompletableFuture<WorkerOutcome>> outcomes = new ArrayList<>(records.size());
        Map<String, CompletableFuture<WorkerOutcome>> byJob = new HashMap<>();
        for (SQSEvent.SQSMessage message : records) {
            String jobId = jobIdOf(message);
            CompletableFuture<WorkerOutcome> earlier = jobId == null ? null : byJob.get(jobId);
            if (earlier != null) {
                // A duplicate in the same batch: once the first copy's result is stored it finds the job
                // finished and is acknowledged, instead of meeting that copy's claim and coming back later.
                earlier.join();
            }
            CompletableFuture<WorkerOutcome> outcome = process(message, context, invocationMillis, invocationLog);
            outcomes.add(outcome);
            if (jobId != null) {
                byJob.put(jobId, outcome);
            }
        }
        // Every result write, log line and visibility change has answered before the invocation ends:
        // Lambda freezes the environment once the handler returns.
        for (int i = 0; i < records.size(); i++) {
            if (!outcomes.get(i).join().acknowledged()) {
                failures.add(
                        new SQSBatchResponse.BatchItemFailure(records.get(i).getMessageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }

    private void comeBackAfter(SQSEvent.SQSMessage message, WorkerOutcome outcome, StructuredLogger invocationLog) {
        if (outcome.retryAfterSeconds() < 0 || message.getReceiptHandle() == null) {
            return;
        }
        try {
            redelivery.after(message.getReceiptHandle(), outcome.retryAfterSeconds());
        } catch (QueueUnavailableException unavailable) {
            invocationLog
                    .with("messageId", message.getMessageId())
                    .warn(
                            "could not shorten the message's visibility; it returns after the queue's timeout",
                            "detail",
                            unavailable.getMessage());
        }
    }

    /**
     * The message's claim and computation run now, on this thread; its result write, its log line
     * and, when it must come back, its visibility change follow on the writer threads.
     */
    private CompletableFuture<WorkerOutcome> process(
            SQSEvent.SQSMessage message, Context context, long invocationMillis, StructuredLogger invocationLog) {
        int receiveCount = receiveCount(message);
        StructuredLogger messageLog = invocationLog.with("messageId", message.getMessageId());
        CompletableFuture<WorkerOutcome> outcome;
        try {
            outcome = worker.process(
                    message.getBody(), receiveCount, context.getRemainingTimeInMillis(), invocationMillis, writers);
        } catch (RuntimeException unexpected) {
            outcome = CompletableFuture.failedFuture(unexpected);
        }
        return outcome.handle((result, unexpected) -> {
            if (unexpected != null) {
                Throwable cause = unexpected instanceof CompletionException && unexpected.getCause() != null
                        ? unexpected.getCause()
                        : unexpected;
                messageLog.error("unexpected failure; the message returns to the queue", cause);
                return new WorkerOutcome(WorkerOutcome.Kind.RETRY, null, String.valueOf(cause.getMessage()));
            }
            logged(result, receiveCount, messageLog);
            if (!result.acknowledged()) {
                comeBackAfter(message, result, invocationLog);
            }
            return result;
        });
    }

    private static void logged(WorkerOutcome outcome, int receiveCount, StructuredLogger messageLog) {
        StructuredLogger jobLog = messageLog.with("jobId", outcome.jobId());
        if (outcome.acknowledged()) {
            jobLog.info("message " + outcome.kind(), "detail", outcome.detail(), "receiveCount", receiveCount);
        } else {
            jobLog.warn(
                    "message " + outcome.kind(),
                    "detail",
                    outcome.detail(),
                    "receiveCount",
                    receiveCount,
                    "retryAfterSeconds",
                    outcome.retryAfterSeconds());
        }
    }

    /** The message's job id, or null when the body cannot be read (the worker then treats it as poison). */
    private static String jobIdOf(SQSEvent.SQSMessage message) {
        try {
            return JobMessageCodec.read(message.getBody()).jobId();
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private static int receiveCount(SQSEvent.SQSMessage message) {
        String count =
                message.getAttributes() == null ? null : message.getAttributes().get("ApproximateReceiveCount");
        try {
            return count == null ? 1 : Integer.parseInt(count);
        } catch (NumberFormatException unreadable) {
            return 1;
        }
    }

    /** Priming for SnapStart: the store primes its client first, then the message and compute paths load and compile. */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) throws Exception {
        adapterHooks.beforeCheckpoint(context);
        String sample =
                "{\"jobId\":\"00000000-0000-4000-8000-000000000000\",\"n\":20,\"algorithm\":\"naive\",\"submittedAt\":0}";
        for (int i = 0; i < 50; i++) {
            JobMessageCodec.read(sample);
            NaiveRecursion.fib(20);
            FastDoubling.fib(2000);
        }
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) throws Exception {
        adapterHooks.afterRestore(context);
        log.info("restored from a SnapStart snapshot");
    }
}
