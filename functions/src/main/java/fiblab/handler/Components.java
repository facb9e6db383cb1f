package fiblab.handler;

import static fiblab.config.EnvironmentVariables.AWS_LAMBDA_FUNCTION_NAME;
import static fiblab.config.EnvironmentVariables.AWS_LAMBDA_LOG_LEVEL;
import static fiblab.config.EnvironmentVariables.COST_NAIVE_FIB40_MILLIS;
import static fiblab.config.EnvironmentVariables.JOB_TTL_DAYS;
import static fiblab.config.EnvironmentVariables.MAX_RECEIVE_COUNT;
import static fiblab.config.EnvironmentVariables.QUEUE_BACKLOG_LIMIT;
import static fiblab.config.EnvironmentVariables.QUEUE_URL;
import static fiblab.config.EnvironmentVariables.REPLAY_AFTER_SECONDS;
import static fiblab.config.EnvironmentVariables.RETRY_FIRST_SECONDS;
import static fiblab.config.EnvironmentVariables.TABLE_NAME;

import fiblab.admission.BacklogGauge;
import fiblab.admission.CachedBacklogGauge;
import fiblab.admission.SubmitAdmission;
import fiblab.api.FibApi;
import fiblab.api.RequestRules;
import fiblab.aws.AwsClients;
import fiblab.aws.CallBudget;
import fiblab.aws.DynamoDbJobStore;
import fiblab.aws.SqsJobQueue;
import fiblab.config.Limits;
import fiblab.config.Settings;
import fiblab.job.CostModel;
import fiblab.job.JobSubmission;
import fiblab.job.JobWorker;
import fiblab.job.Redelivery;
import fiblab.job.RetrySchedule;
import fiblab.job.WorkerPolicy;
import fiblab.observe.EmfMetrics;
import fiblab.observe.Metrics;
import fiblab.observe.StructuredLogger;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.crac.Resource;

/**
 * Builds each function's object graph from its environment, once per execution environment:
 * configuration is validated here, at start-up, and a wrong value fails the init with a message
 * that names the variable.
 */
final class Components {

    static final Duration BACKLOG_MAX_AGE = Duration.ofSeconds(5);

    private Components() {}

    /** A function's core and the adapters under it, whose SnapStart hooks prime their clients. */
    record Built<T>(T core, List<Resource> adapters) {}

    /** The worker's core and the queue operation its handler applies to each delivery. */
    record Worker(JobWorker worker, Redelivery redelivery) {}

    static Built<FibApi> api(Settings settings, CallBudget budget) {
        Limits limits = Limits.from(settings);
        DynamoDbJobStore store =
                new DynamoDbJobStore(AwsClients.dynamoDb(settings), settings.required(TABLE_NAME), budget);
        SqsJobQueue queue = new SqsJobQueue(AwsClients.sqs(settings), settings.required(QUEUE_URL), budget);
        // One cached reading serves both admission and replay on read: at most one queue read per period.
        BacklogGauge backlog = new CachedBacklogGauge(queue.backlogGauge(), Clock.systemUTC(), BACKLOG_MAX_AGE);
        JobSubmission submission = new JobSubmission(
                store,
                queue,
                backlog,
                Clock.systemUTC(),
                timeToLive(settings),
                Duration.ofSeconds(settings.integer(REPLAY_AFTER_SECONDS, 60, 1, 86_400)));
        FibApi api = new FibApi(new RequestRules(limits), submission, metrics(settings), admission(settings, backlog));
        return new Built<>(api, List.of(store, queue));
    }

    /**
     * The backlog is read at most every {@link #BACKLOG_MAX_AGE} per execution environment, so a
     * decision can be that much older than the queue, plus SQS's own approximation.
     */
    private static SubmitAdmission admission(Settings settings, BacklogGauge backlog) {
        int limit = settings.integer(QUEUE_BACKLOG_LIMIT, 1000, 1, Integer.MAX_VALUE);
        return new SubmitAdmission(backlog, limit);
    }

    static Built<Worker> worker(Settings settings, CallBudget budget) {
        DynamoDbJobStore store =
                new DynamoDbJobStore(AwsClients.dynamoDb(settings), settings.required(TABLE_NAME), budget);
        SqsJobQueue queue = new SqsJobQueue(AwsClients.sqs(settings), settings.required(QUEUE_URL), budget);
        WorkerPolicy policy = new WorkerPolicy(
                Limits.from(settings),
                settings.integer(MAX_RECEIVE_COUNT, 3, 1, 1000),
                timeToLive(settings),
                new CostModel(
                        settings.integer(
                                COST_NAIVE_FIB40_MILLIS, (int) CostModel.MEASURED.naiveMillisAt40(), 1, 600_000),
                        CostModel.MEASURED.fastMillisAtMillion()),
                new RetrySchedule(
                        settings.integer(
                                RETRY_FIRST_SECONDS,
                                RetrySchedule.DEFAULT.firstSeconds(),
                                0,
                                RetrySchedule.DEFAULT.maxSeconds()),
                        RetrySchedule.DEFAULT.maxSeconds()));
        Worker worker = new Worker(new JobWorker(store, queue, policy, Clock.systemUTC(), metrics(settings)), queue);
        return new Built<>(worker, List.of(store, queue));
    }

    private static Duration timeToLive(Settings settings) {
        return Duration.ofDays(settings.integer(JOB_TTL_DAYS, 7, 1, 365));
    }

    static StructuredLogger logger(Settings settings, String service) {
        return StructuredLogger.toStdout(settings.optional(AWS_LAMBDA_LOG_LEVEL).orElse(null), service);
    }

    private static Metrics metrics(Settings settings) {
        return new EmfMetrics(
                System.out, settings.optional(AWS_LAMBDA_FUNCTION_NAME).orElse(null));
    }
}
