package fiblab.aws;

import fiblab.fib.Algorithm;
import fiblab.job.Job;
import fiblab.job.JobStatus;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Turns a {@link Job} into a DynamoDB item and back; absent optional values are absent attributes. */
final class JobItemMapper {

    private JobItemMapper() {}

    static Map<String, AttributeValue> toItem(Job job) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("jobId", s(job.jobId()));
        item.put("n", n(job.n()));
        item.put("algorithm", s(job.algorithm().wireName()));
        item.put("status", s(job.status().name()));
        putIfPresent(item, "value", job.value());
        putIfPresent(item, "errorCode", job.errorCode());
        putIfPresent(item, "error", job.error());
        item.put("submittedAt", n(job.submittedAt()));
        putIfPresent(item, "startedAt", job.startedAt());
        putIfPresent(item, "completedAt", job.completedAt());
        putIfPresent(item, "computeMicros", job.computeMicros());
        item.put("attempts", n(job.attempts()));
        putIfPresent(item, "idempotencyKey", job.idempotencyKey());
        putIfPresent(item, "leaseUntil", job.leaseUntil());
        item.put("expiresAt", n(job.expiresAt()));
        putIfPresent(item, "queuedAt", job.queuedAt());
        return item;
    }

    static Job fromItem(Map<String, AttributeValue> item) {
        return new Job(
                item.get("jobId").s(),
                (int) longOf(item, "n"),
                Algorithm.fromWireName(item.get("algorithm").s()).orElseThrow(),
                JobStatus.valueOf(item.get("status").s()),
                stringOrNull(item, "value"),
                stringOrNull(item, "errorCode"),
                stringOrNull(item, "error"),
                longOf(item, "submittedAt"),
                longOrNull(item, "startedAt"),
                longOrNull(item, "completedAt"),
                longOrNull(item, "computeMicros"),
                (int) longOf(item, "attempts"),
                stringOrNull(item, "idempotencyKey"),
                longOrNull(item, "leaseUntil"),
                longOf(item, "expiresAt"),
                longOrNull(item, "queuedAt"));
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static void putIfPresent(Map<String, AttributeValue> item, String name, Object value) {
        if (value instanceof String text) {
            item.put(name, s(text));
        } else if (value instanceof Number number) {
            item.put(name, n(number.longValue()));
        }
    }

    private static long longOf(Map<String, AttributeValue> item, String name) {
        return Long.parseLong(item.get(name).n());
    }

    private static Long longOrNull(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? null : Long.valueOf(value.n());
    }

    private static String stringOrNull(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }
}
