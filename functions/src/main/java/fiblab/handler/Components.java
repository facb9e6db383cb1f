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
import fiblab.job.JobSubmission;
import fiblab.job.JobWorker;
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

    private Components() {}

    /** A function's core and the adapters under it, whose SnapStart hooks prime their clients. */
    record Built<T>(T core, List<Resource> adapters) {}

    static Built<FibApi> api(Settings settings) {
        Limits limits = Limits.from(settings);
        DynamoDbJobStore store = new DynamoDbJobStore(AwsClients.dynamoDb(settings), settings.required(TABLE_NAME));
        SqsJobQueue queue = new SqsJobQueue(AwsClients.sqs(settings), settings.required(QUEUE_URL));
        Duration ttl = Duration.ofDays(settings.integer(JOB_TTL_DAYS, 7, 1, 365));
        JobSubmission submission = new JobSubmission(store, queue, Clock.systemUTC(), ttl);
        FibApi api = new FibApi(new RequestRules(limits), submission, store, metrics(settings));
        return new Built<>(api, List.of(store, queue));
    }

    static Built<JobWorker> worker(Settings settings) {
        DynamoDbJobStore store = new DynamoDbJobStore(AwsClients.dynamoDb(settings), settings.required(TABLE_NAME));
        JobWorker worker = new JobWorker(
                store,
                Limits.from(settings),
                Clock.systemUTC(),
                settings.integer(MAX_RECEIVE_COUNT, 3, 1, 1000),
                metrics(settings));
        return new Built<>(worker, List.of(store));
    }

    static StructuredLogger logger(Settings settings, String service) {
        return StructuredLogger.toStdout(settings.optional(AWS_LAMBDA_LOG_LEVEL).orElse(null), service);
    }

    private static Metrics metrics(Settings settings) {
        return new EmfMetrics(
                System.out, settings.optional(AWS_LAMBDA_FUNCTION_NAME).orElse(null));
    }
}
