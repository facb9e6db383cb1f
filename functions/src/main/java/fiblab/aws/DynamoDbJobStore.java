package fiblab.aws;

import static fiblab.aws.JobItemMapper.n;
import static fiblab.aws.JobItemMapper.s;
import static fiblab.job.JobStatus.DONE;
import static fiblab.job.JobStatus.FAILED;
import static fiblab.job.JobStatus.PENDING;
import static fiblab.job.JobStatus.RUNNING;

import fiblab.job.Job;
import fiblab.job.JobAlreadyExistsException;
import fiblab.job.JobStatus;
import fiblab.job.JobStore;
import fiblab.job.StoreUnavailableException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.crac.Context;
import org.crac.Resource;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * {@link JobStore} on a DynamoDB table keyed by {@code jobId}. Every state change is a conditional
 * write on {@code status}; the claim's attempt number fences the result write. Before a SnapStart
 * snapshot it primes the client with one harmless read, so that the first real request does not
 * pay for loading the SDK's request path.
 */
public final class DynamoDbJobStore implements JobStore, Resource {

    /** Read during priming; no job ever has this id (job ids are UUIDs). */
    static final String PRIMING_JOB_ID = "snapstart-priming";

    private final DynamoDbClient client;
    private final String tableName;
    private final CallBudget budget;

    public DynamoDbJobStore(DynamoDbClient client, String tableName) {
        this(client, tableName, CallBudget.unbounded());
    }

    /** @param budget sizes each call's timeout to what is left of the current invocation */
    public DynamoDbJobStore(DynamoDbClient client, String tableName, CallBudget budget) {
        this.client = client;
        this.tableName = tableName;
        this.budget = budget;
    }

    @Override
    public void create(Job job) {
        call("record job " + job.jobId(), () -> {
            try {
                client.putItem(b -> b.tableName(tableName)
                        .item(JobItemMapper.toItem(job))
                        .conditionExpression("attribute_not_exists(jobId)")
                        .overrideConfiguration(budget.nextCall()));
            } catch (ConditionalCheckFailedException taken) {
                throw new JobAlreadyExistsException(job.jobId());
            }
            return null;
        });
    }

    @Override
    public Optional<Job> find(String jobId) {
        return read(jobId, true);
    }

    @Override
    public Optional<Job> findEventually(String jobId) {
        return read(jobId, false);
    }

    private Optional<Job> read(String jobId, boolean consistent) {
        return call("read job " + jobId, () -> {
            var item = client.getItem(b -> b.tableName(tableName)
                            .key(key(jobId))
                            .consistentRead(consistent)
                            .overrideConfiguration(budget.nextCall()))
                    .item();
            return item == null || item.isEmpty() ? Optional.<Job>empty() : Optional.of(JobItemMapper.fromItem(item));
        });
    }

    @Override
    public Optional<Job> claim(String jobId, long now, long leaseUntil) {
        UpdateItemRequest request = UpdateItemRequest.builder()
                .tableName(tableName)
                .key(key(jobId))
                .updateExpression("SET #status = :running, startedAt = if_not_exists(startedAt, :now), "
                        + "attempts = attempts + :one, leaseUntil = :lease")
                .conditionExpression("#status = :pending OR (#status = :running AND leaseUntil < :now)")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(values(
                        EnumSet.of(PENDING, RUNNING), Map.of(":now", n(now), ":one", n(1), ":lease", n(leaseUntil))))
                .returnValues(ReturnValue.ALL_NEW)
                .overrideConfiguration(budget.nextCall())
                .build();
        return conditional(
                "claim job " + jobId,
                () -> Optional.of(
                        JobItemMapper.fromItem(client.updateItem(request).attributes())),
                Optional.empty());
    }

    @Override
    public boolean complete(String jobId, int attempt, String value, long computeMicros, long completedAt) {
        return update(
                "store the result of job " + jobId,
                jobId,
                "SET #status = :done, #value = :value, computeMicros = :micros, completedAt = :completedAt REMOVE leaseUntil",
                "#status = :running AND attempts = :attempt",
                Map.of("#status", "status", "#value", "value"),
                values(
                        EnumSet.of(DONE, RUNNING),
                        Map.of(
                                ":value", s(value),
                                ":micros", n(computeMicros),
                                ":completedAt", n(completedAt),
                                ":attempt", n(attempt))));
    }

    @Override
    public boolean fail(String jobId, int attempt, String errorCode, String error, long completedAt) {
        return update(
                "mark job " + jobId + " failed",
                jobId,
                "SET #status = :failed, errorCode = :code, #error = :error, completedAt = :completedAt REMOVE leaseUntil",
                "#status IN (:pending, :running) AND attempts = :attempt",
                Map.of("#status", "status", "#error", "error"),
                values(
                        EnumSet.of(FAILED, PENDING, RUNNING),
                        Map.of(
                                ":code", s(errorCode),
                                ":error", s(error),
                                ":completedAt", n(completedAt),
                                ":attempt", n(attempt))));
    }

    @Override
    public boolean reopen(String jobId, String errorCode, long now, long expiresAt) {
        return update(
                "reopen job " + jobId,
                jobId,
                "SET #status = :pending, submittedAt = :now, queuedAt = :now, expiresAt = :expiresAt"
                        + " REMOVE errorCode, #error, completedAt, startedAt",
                "#status = :failed AND errorCode = :code",
                Map.of("#status", "status", "#error", "error"),
                values(
                        EnumSet.of(PENDING, FAILED),
                        Map.of(":code", s(errorCode), ":now", n(now), ":expiresAt", n(expiresAt))));
    }

    @Override
    public boolean requeue(String jobId, long now, long staleBefore) {
        return update(
                "requeue job " + jobId,
                jobId,
                "SET queuedAt = :now",
                "(#status = :pending OR (#status = :running AND leaseUntil < :stale))"
                        + " AND (attribute_not_exists(queuedAt) OR queuedAt < :stale)",
                Map.of("#status", "status"),
                values(EnumSet.of(PENDING, RUNNING), Map.of(":now", n(now), ":stale", n(staleBefore))));
    }

    /** Priming for SnapStart: one consistent read of an id that never exists loads the whole request path. */
    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        try {
            find(PRIMING_JOB_ID);
        } catch (StoreUnavailableException unreachable) {
            // Priming is best effort: a snapshot must not fail because the table was slow to answer.
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to refresh: the client holds no per-environment state, and credentials come
        // from the provider chain on each request after a restore.
    }

    /**
     * An update's expression values: each status a condition or update names, as {@code :pending},
     * {@code :running}, {@code :done} or {@code :failed}, and the update's own values beside them.
     */
    private static Map<String, AttributeValue> values(Set<JobStatus> statuses, Map<String, AttributeValue> own) {
        Map<String, AttributeValue> values = new HashMap<>(own);
        for (JobStatus status : statuses) {
            values.put(":" + status.name().toLowerCase(Locale.ROOT), s(status.name()));
        }
        return values;
    }

    private static Map<String, AttributeValue> key(String jobId) {
        return Map.of("jobId", s(jobId));
    }

    /** A conditional UpdateItem: true if it was applied, false if its condition did not hold. */
    private boolean update(
            String what,
            String jobId,
            String updateExpression,
            String condition,
            Map<String, String> names,
            Map<String, AttributeValue> values) {
        UpdateItemRequest request = UpdateItemRequest.builder()
                .tableName(tableName)
                .key(key(jobId))
                .updateExpression(updateExpression)
                .conditionExpression(condition)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .overrideConfiguration(budget.nextCall())
                .build();
        return conditional(
                what,
                () -> {
                    client.updateItem(request);
                    return true;
                },
                false);
    }

    private <T> T conditional(String what, Supplier<T> write, T whenConditionFails) {
        return call(what, () -> {
            try {
                return write.get();
            } catch (ConditionalCheckFailedException conditionFailed) {
                return whenConditionFails;
            }
        });
    }

    private <T> T call(String what, Supplier<T> operation) {
        try {
            return operation.get();
        } catch (SdkException unavailable) {
            throw new StoreUnavailableException(
                    "could not " + what + " in table " + tableName + ": " + unavailable.getMessage(), unavailable);
        }
    }
}
