package fiblab.job;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;

/** Job ids are lower-case UUIDs: random for a plain submit, derived from the Idempotency-Key otherwise. */
public final class JobIds {

    private static final Pattern FORMAT =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private JobIds() {}

    public static String random() {
        return UUID.randomUUID().toString();
    }

    /** The same key always names the same job, so a retried submit finds the job it created. */
    public static String fromIdempotencyKey(String key) {
        return UUID.nameUUIDFromBytes(("fiblab-idempotency:" + key).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    public static boolean isWellFormed(String jobId) {
        return jobId != null && FORMAT.matcher(jobId).matches();
    }
}
