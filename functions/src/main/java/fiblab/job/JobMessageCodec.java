package fiblab.job;

import fiblab.fib.Algorithm;
import fiblab.json.Json;
import fiblab.json.JsonSyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes and reads the SQS message body; a body it cannot read is a {@link PoisonMessageException}. */
public final class JobMessageCodec {

    private JobMessageCodec() {}

    public static String write(JobMessage message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jobId", message.jobId());
        body.put("n", message.n());
        body.put("algorithm", message.algorithm().wireName());
        body.put("submittedAt", message.submittedAt());
        return Json.write(body);
    }

    public static JobMessage read(String body) {
        Object parsed;
        try {
            parsed = Json.parse(body == null ? "" : body);
        } catch (JsonSyntaxException e) {
            throw new PoisonMessageException(null, "the message body is not JSON: " + e.getMessage());
        }
        if (!(parsed instanceof Map<?, ?> fields)) {
            throw new PoisonMessageException(null, "the message body is not a JSON object");
        }
        String jobId = fields.get("jobId") instanceof String text && JobIds.isWellFormed(text) ? text : null;
        if (jobId == null) {
            throw new PoisonMessageException(null, "the message has no well-formed jobId");
        }
        if (!(fields.get("n") instanceof Integer n) || n < 0) {
            throw new PoisonMessageException(jobId, "the message's n is not a whole number from 0 up");
        }
        Algorithm algorithm = fields.get("algorithm") instanceof String name
                ? Algorithm.fromWireName(name).orElse(null)
                : null;
        if (algorithm == null) {
            throw new PoisonMessageException(
                    jobId, "the message's algorithm is not one of " + Algorithm.allowedNames());
        }
        if (!(fields.get("submittedAt") instanceof Number submittedAt)) {
            throw new PoisonMessageException(jobId, "the message has no submittedAt time");
        }
        return new JobMessage(jobId, n, algorithm, submittedAt.longValue());
    }
}
