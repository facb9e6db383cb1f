package fiblab.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import fiblab.config.Settings;
import fiblab.fib.FastDoubling;
import fiblab.fib.NaiveRecursion;
import fiblab.job.JobMessageCodec;
import fiblab.job.JobWorker;
import fiblab.job.WorkerOutcome;
import fiblab.observe.StructuredLogger;
import fiblab.snapstart.SnapStartHooks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.crac.Resource;

/**
 * The queue worker: processes each message of the batch on its own and reports only the ones
 * that must come back (ReportBatchItemFailures), so one bad message never fails its neighbours.
 */
public final class WorkerHandler implements RequestHandler<SQSEvent, SQSBatchResponse>, Resource {

    private final JobWorker worker;
    private final StructuredLogger log;
    private final SnapStartHooks adapterHooks;

    /** Lambda's constructor. */
    public WorkerHandler() {
        this(System.getenv());
    }

    /** For hosts that pass the function's environment explicitly, such as the local stack. */
    public WorkerHandler(Map<String, String> environment) {
        this(new Settings(environment));
    }

    private WorkerHandler(Settings settings) {
        this(Components.worker(settings), Components.logger(settings, "fiblab-worker"));
    }

    private WorkerHandler(Components.Built<JobWorker> built, StructuredLogger log) {
        this(built.core(), log, built.adapters());
    }

    /** With no adapters to prime: what the handler tests build around in-memory ports. */
    public WorkerHandler(JobWorker worker, StructuredLogger log) {
        this(worker, log, List.of());
    }

    /** @param adapters the adapters under the core, whose SnapStart hooks run before the handler's own */
    public WorkerHandler(JobWorker worker, StructuredLogger log, List<? extends Resource> adapters) {
        this.worker = worker;
        this.log = log;
        this.adapterHooks = new SnapStartHooks(adapters);
        SnapStartHooks.register(this);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        StructuredLogger invocationLog = log.with("requestId", context.getAwsRequestId());
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        List<SQSEvent.SQSMessage> records = event.getRecords() == null ? List.of() : event.getRecords();
        for (SQSEvent.SQSMessage message : records) {
            WorkerOutcome outcome = process(message, context, invocationLog);
            if (!outcome.acknowledged()) {
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }

    private WorkerOutcome process(SQSEvent.SQSMessage message, Context context, StructuredLogger invocationLog) {
        int receiveCount = receiveCount(message);
        StructuredLogger messageLog = invocationLog.with("messageId", message.getMessageId());
        try {
            WorkerOutcome outcome = worker.process(message.getBody(), receiveCount, context.getRemainingTimeInMillis());
            StructuredLogger jobLog = messageLog.with("jobId", outcome.jobId());
            if (outcome.acknowledged()) {
                jobLog.info("message " + outcome.kind(), "detail", outcome.detail(), "receiveCount", receiveCount);
            } else {
                jobLog.warn("message " + outcome.kind(), "detail", outcome.detail(), "receiveCount", receiveCount);
            }
            return outcome;
        } catch (RuntimeException unexpected) {
            messageLog.error("unexpected failure; the message returns to the queue", unexpected);
            return new WorkerOutcome(WorkerOutcome.Kind.RETRY, null, String.valueOf(unexpected.getMessage()));
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
