package fiblab.handler;

import static fiblab.config.EnvironmentVariables.AWS_LAMBDA_FUNCTION_NAME;
import static fiblab.config.EnvironmentVariables.AWS_LAMBDA_LOG_LEVEL;
import static fiblab.config.EnvironmentVariables.JOB_TTL_DAYS;
import static fiblab.config.EnvironmentVariables.MAX_RECEIVE_COUNT;
import static fiblab.config.EnvironmentVariables.QUEUE_BACKLOG_LIMIT;
import static fiblab.config.EnvironmentVariables.QUEUE_URL;
import static fiblab.config.EnvironmentVariables.TABLE_NAME;

import fiblab.admission.BacklogGauge;
import fiblab.admission.CachedBacklogGauge;
import fiblab.admission.SubmitAdmission;
import fiblab.api.FibApi;
import fiblab.api.RequestRules;
import fiblab.aws.AwsClients;
import fiblab.aws.DynamoDbJobStore;
import fiblab.aws.SqsBacklogGauge;
import fiblab.aws.SqsJobQueue;
import fiblab.config.Limits;
import fiblab.config.Settings;
import fiblab.job.JobStore;
import fiblab.job.JobSubmission;
import fiblab.job.JobWorker;
import fiblab.observe.EmfMetrics;
import fiblab.observe.Metrics;
import fiblab.observe.StructuredLogger;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Builds each function's object graph from its environment, once per execution environment:
 * configuration is validated here, at start-up, and a wrong value fails the init with a message
 * that names the variable.
 */
final class Components {

    static final Duration BACKLOG_MAX_AGE = Duration.ofSeconds(5);

    private Components() {}

    static FibApi api(Settings settings) {
        Limits limits = Limits.from(settings);
        JobStore store = new DynamoDbJobStore(AwsClients.dynamoDb(settings), settings.required(TABLE_NAME));
        SqsClient sqs = AwsClients.sqs(settings);
        SqsJobQueue queue = new SqsJobQueue(sqs, settings.required(QUEUE_URL));
        Duration ttl = Duration.ofDays(settings.integer(JOB_TTL_DAYS, 7, 1, 365));
        JobSubmission submission = new JobSubmission(store, queue, Clock.systemUTC(), ttl);
        return new FibApi(new RequestRules(limits), submission, store, metrics(settings), admission(settings, sqs));
    }

    /**
     * The backlog is read at most every {@link #BACKLOG_MAX_AGE} per execution environment, so a
     * decision can be that much older than the queue, plus SQS's own approximation.
     */
    private static SubmitAdmission admission(Settings settings, SqsClient sqs) {
        int limit = settings.integer(QUEUE_BACKLOG_LIMIT, 1000, 1, Integer.MAX_VALUE);
        BacklogGauge backlog = new SqsBacklogGauge(sqs, settings.required(QUEUE_URL));
        return new SubmitAdmission(new CachedBacklogGauge(backlog, Clock.systemUTC(), BACKLOG_MAX_AGE), limit);
    }

    static JobWorker worker(Settings settings) {
        JobStore store = new DynamoDbJobStore(AwsClients.dynamoDb(settings), settings.required(TABLE_NAME));
        return new JobWorker(
                store,
                Limits.from(settings),
                Clock.systemUTC(),
                settings.integer(MAX_RECEIVE_COUNT, 3, 1, 1000),
                metrics(settings));
    }

    static StructuredLogger logger(Settings settings, String service) {
        return StructuredLogger.toStdout(settings.optional(AWS_LAMBDA_LOG_LEVEL).orElse(null), service);
    }

    private static Metrics metrics(Settings settings) {
        return new EmfMetrics(
                System.out, settings.optional(AWS_LAMBDA_FUNCTION_NAME).orElse(null));
    }
}
