package fiblab.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import fiblab.aws.DynamoDbJobStore;
import fiblab.fib.Algorithm;
import fiblab.job.Job;
import fiblab.job.JobIds;
import fiblab.job.JobMessage;
import fiblab.job.JobMessageCodec;
import fiblab.job.JobStore;
import fiblab.job.JobWorker;
import fiblab.local.DeployLimits;
import fiblab.local.LocalStack;
import fiblab.local.LocalStackOptions;
import fiblab.local.poller.SqsEventSourceMapping;
import fiblab.local.testing.ApiClient;
import fiblab.local.testing.Eventually;
import fiblab.local.testing.Templates;
import fiblab.testing.IterativeFibonacci;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Every accepted job ends DONE or FAILED, on the local stack with the real functions, queue and
 * table, in the situations that used to strand one: a submit that died between recording the job
 * and sending its message, a full batch at the async limit, a message redriven from the DLQ, and
 * a DynamoDB outage. The stack runs a copy of template.yaml with a 6 s worker timeout and a 300 s
 * visibility timeout, so a job that ends within seconds of a failed delivery proves the short
 * retry delay, not the visibility timeout, brought it back.
 */
class EveryJobEndsIT {

    /** A job at the async limit takes 1-3 s here; the copy's worker has 6 s per invocation. */
    private static final int LIMIT_N = 41;

    @TempDir
    static Path dir;

    @AutoClose
    private static LocalStack stack;

    private static ApiClient api;

    @AutoClose
    private static DynamoDbClient dynamoDb;

    @AutoClose
    private static SqsClient sqs;

    private static JobStore table;

    @BeforeAll
    static void start() throws Exception {
        Path template = Templates.project();
        template = Templates.copyWith(template, dir, "Timeout: 300", "Timeout: 6");
        template = Templates.copyWith(template, dir, "VisibilityTimeout: 1800", "VisibilityTimeout: 300");
        template = Templates.copyWith(
                template, dir, "MaximumBatchingWindowInSeconds: 0", "MaximumBatchingWindowInSeconds: 2");
        template = Templates.copyWith(
                template,
                dir,
                "FAST_MAX_N: !Ref FastMaxN",
                "FAST_MAX_N: !Ref FastMaxN\n        REPLAY_AFTER_SECONDS: 2\n        RETRY_FIRST_SECONDS: 2\n"
                        // a cautious cost model: this machine is shared with other builds, and
                        // naive fib(41) took 1.7-2.9 s here under their load (about 1.1 s quiet)
                        + "        COST_NAIVE_FIB40_MILLIS: 2500");
        // one batch at a time, so that five messages make one full batch
        System.setProperty(SqsEventSourceMapping.MAX_LOCAL_BATCHES_PROPERTY, "1");
        try {
            stack = LocalStack.start(DeployLimits.lift(LocalStackOptions.defaults(template)
                    .withPort(0)
                    .withParameter("InlineNaiveMaxN", "30")
                    .withParameter("AsyncNaiveMaxN", Integer.toString(LIMIT_N))
                    .withLogFile(dir.resolve("stack.log"))));
        } finally {
            System.clearProperty(SqsEventSourceMapping.MAX_LOCAL_BATCHES_PROPERTY);
        }
        api = new ApiClient(stack.apiUrl());
        dynamoDb = stack.endpoints().dynamoDbClient();
        sqs = stack.endpoints().sqsClient();
        table = new DynamoDbJobStore(dynamoDb, stack.ref("JobsTable"));
    }

    @Test
    void fullBatchAtTheAsyncLimit_shouldFinishEveryJobOnItsFirstAttempt() {
        // Given five jobs at the async limit, gathered into one batch for a worker with 6 s
        List<String> jobs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            jobs.add(jobId(api.submit(LIMIT_N, "naive")));
        }

        // When / Then: none is started without the time to finish it, so none times out part way
        for (String jobId : jobs) {
            Map<String, Object> job = awaitTerminal(jobId, Duration.ofSeconds(90));
            assertThat(job)
                    .as(jobId)
                    .containsEntry("status", "DONE")
                    .containsEntry("value", IterativeFibonacci.fib(LIMIT_N).toString());
            assertThat(job.get("attempts")).as("claims of " + jobId).isEqualTo(1);
        }
    }

    @Test
    void submitThatDiedBeforeSending_shouldBeQueuedAgain_whenTheClientRetriesWithItsKey() throws Exception {
        // Given the state a submit leaves when its invocation dies after PutItem and before SendMessage
        String key = "dead-submit-" + UUID.randomUUID();
        String jobId = JobIds.fromIdempotencyKey(key);
        long now = System.currentTimeMillis();
        table.create(Job.pending(jobId, 22, Algorithm.NAIVE, now, key, now / 1000 + 3600));
        Thread.sleep(2_500);

        // When the client retries with the same Idempotency-Key
        HttpResponse<String> retried = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(stack.apiUrl() + "/jobs"))
                                .header("content-type", "application/json")
                                .header("idempotency-key", key)
                                .POST(HttpRequest.BodyPublishers.ofString("{\"n\":22,\"algorithm\":\"naive\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        // Then it answers for the same job, which ends DONE
        assertThat(retried.statusCode()).isEqualTo(202);
        assertThat(jobId(retried)).isEqualTo(jobId);
        assertThat(awaitTerminal(jobId, Duration.ofSeconds(30)))
                .containsEntry("status", "DONE")
                .containsEntry("value", "17711");
    }

    @Test
    void submitThatDiedBeforeSending_shouldBeQueuedAgain_whenTheClientPolls() {
        // Given a job recorded without a message (no Idempotency-Key: the client only has its id)
        String jobId = UUID.randomUUID().toString();
        long now = System.currentTimeMillis();
        table.create(Job.pending(jobId, 23, Algorithm.NAIVE, now, null, now / 1000 + 3600));

        // When the client polls its status, as a 202's Retry-After asks / Then it ends
        assertThat(awaitTerminal(jobId, Duration.ofSeconds(30)))
                .containsEntry("status", "DONE")
                .containsEntry("value", "28657");
    }

    @Test
    void messageRedrivenFromTheDlq_shouldReopenAndComputeAGivenUpJob() {
        // Given a job that gave up on its last delivery, its message in the dead-letter queue
        String jobId = UUID.randomUUID().toString();
        long now = System.currentTimeMillis();
        Job pending = Job.pending(jobId, 24, Algorithm.NAIVE, now, null, now / 1000 + 3600);
        table.create(pending);
        table.claim(jobId, now, now + 1);
        table.fail(jobId, 1, JobWorker.GAVE_UP, "gave up after 3 deliveries: the job store could not be reached", now);
        String dlq = stack.ref("JobsDeadLetterQueue");
        sqs.sendMessage(r -> r.queueUrl(dlq).messageBody(JobMessageCodec.write(JobMessage.of(pending))));
        assertThat(awaitStatus(jobId)).containsEntry("status", "FAILED");

        // When an operator starts a message move task from the DLQ back to the jobs queue
        sqs.startMessageMoveTask(r -> r.sourceArn(arn(dlq)).destinationArn(arn(stack.ref("JobsQueue"))));

        // Then the job is computed
        assertThat(awaitTerminal(jobId, Duration.ofSeconds(30), "DONE"))
                .containsEntry("status", "DONE")
                .containsEntry("value", "46368")
                .doesNotContainKey("error");
    }

    @Test
    void dynamoDbOutage_shouldDelayJobsBySeconds_notByTheVisibilityTimeout() throws Exception {
        // Given jobs queued behind one another (one batch at a time)
        List<String> jobs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            jobs.add(jobId(api.submit(36, "naive")));
        }
        var dynalite = stack.servers().orElseThrow().dynamoDb();

        // When DynamoDB goes away for longer than any one call may wait, then comes back
        dynalite.stop();
        Thread.sleep(4_000);
        dynalite.restart();
        long back = System.currentTimeMillis();

        // Then every job ends DONE within seconds, though the queue's visibility timeout is 300 s.
        // The table is read directly, not through GET /jobs, so no replay can bring a message back:
        // only the worker's short visibility change can.
        List<Job> done = new ArrayList<>();
        boolean allDone = Eventually.within(Duration.ofSeconds(60), () -> {
            done.clear();
            jobs.forEach(id -> table.find(id)
                    .filter(job -> job.status() == fiblab.job.JobStatus.DONE)
                    .ifPresent(done::add));
            return done.size() == jobs.size();
        });
        assertThat(allDone).as("DONE: " + done.size() + " of " + jobs.size()).isTrue();
        assertThat(done).allMatch(job -> IterativeFibonacci.fib(36).toString().equals(job.value()));
        assertThat(done).as("jobs that waited out the outage").anyMatch(job -> job.completedAt() > back);
    }

    private static String arn(String queueUrl) {
        return sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
    }

    private static String jobId(HttpResponse<String> accepted) {
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        return String.valueOf(ApiClient.json(accepted).get("jobId"));
    }

    private static Map<String, Object> awaitStatus(String jobId) {
        return ApiClient.json(api.get("/jobs/" + jobId));
    }

    private static Map<String, Object> awaitTerminal(String jobId, Duration limit) {
        return awaitTerminal(jobId, limit, "DONE", "FAILED");
    }

    private static Map<String, Object> awaitTerminal(String jobId, Duration limit, String... statuses) {
        List<Map<String, Object>> last = new ArrayList<>(List.of(Map.of()));
        Eventually.within(limit, () -> {
            last.set(0, ApiClient.json(api.get("/jobs/" + jobId)));
            return List.of(statuses).contains(last.get(0).get("status"));
        });
        return last.get(0);
    }
}
