package fiblab.api;

import fiblab.job.Job;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON shapes of a job: the 202 of a submit and the 200 of a status read. */
final class JobView {

    private JobView() {}

    static Map<String, Object> accepted(Job job) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jobId", job.jobId());
        body.put("status", job.status().name());
        body.put("n", job.n());
        body.put("algorithm", job.algorithm().wireName());
        body.put("submittedAt", job.submittedAt());
        return body;
    }

    static Map<String, Object> status(Job job) {
        Map<String, Object> body = accepted(job);
        putIfPresent(body, "value", job.value());
        putIfPresent(body, "error", job.error());
        putIfPresent(body, "startedAt", job.startedAt());
        putIfPresent(body, "completedAt", job.completedAt());
        putIfPresent(body, "queueMillis", job.queueMillis());
        putIfPresent(body, "computeMicros", job.computeMicros());
        body.put("attempts", job.attempts());
        return body;
    }

    private static void putIfPresent(Map<String, Object> body, String name, Object value) {
        if (value != null) {
            body.put(name, value);
        }
    }
}
