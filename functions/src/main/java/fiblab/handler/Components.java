package fiblab.handler;

import static fiblab.config.EnvironmentVariables.AWS_LAMBDA_FUNCTION_NAME;
import static fiblab.config.EnvironmentVariables.AWS_LAMBDA_LOG_LEVEL;
import static fiblab.config.EnvironmentVariables.JOB_TTL_DAYS;
import static fiblab.config.EnvironmentVariables.MAX_RECEIVE_COUNT;
import static fiblab.config.EnvironmentVariables.QUEUE_URL;
import static fiblab.config.EnvironmentVariables.TABLE_NAME;

import fiblab.api.FibApi;
import fiblab.api.RequestRules;
import fiblab.aws.AwsClients;
import fiblab.aws.DynamoDbJobStore;
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

/**
 * Builds each function's object graph from its environment, once per execution environment:
 * configuration is validated here, at start-up, and a wrong value fails the init with a message
 * that names the variable.
 */
final class Components {

    private Components() {}

    static FibApi api(Settings settings) {
        Limits limits = Limits.from(settings);
        JobStore store = new DynamoDbJobStore(AwsClients.dynamoDb(settings), settings.required(TABLE_NAME));
        SqsJobQueue queue = new SqsJobQueue(AwsClients.sqs(settings), settings.required(QUEUE_URL));
        Duration ttl = Duration.ofDays(settings.integer(JOB_TTL_DAYS, 7, 1, 365));
        JobSubmission submission = new JobSubmission(store, queue, Clock.systemUTC(), ttl);
        return new FibApi(new RequestRules(limits), submission, store, metrics(settings));
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
