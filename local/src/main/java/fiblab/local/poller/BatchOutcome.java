package fiblab.local.poller;

import com.fasterxml.jackson.jr.ob.JSON;
import fiblab.local.runtime.InvocationResult;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which messages of a batch succeeded, decided as Lambda decides it: a failed invocation fails
 * the whole batch; with {@code ReportBatchItemFailures}, the listed {@code itemIdentifier}s fail
 * and the others succeed, and an empty or unusable identifier fails the whole batch:
 * https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html
 */
public final class BatchOutcome {

    private BatchOutcome() {}

    /** The message ids to delete from the queue. */
    public static Set<String> succeeded(List<String> messageIds, InvocationResult result, boolean reportsItemFailures) {
        if (!result.succeeded()) {
            return Set.of();
        }
        if (!reportsItemFailures) {
            return Set.copyOf(messageIds);
        }
        Set<String> failed = new HashSet<>();
        try {
            Object response = JSON.std.anyFrom(result.payload());
            if (response instanceof Map<?, ?> map && map.get("batchItemFailures") instanceof List<?> failures) {
                for (Object failure : failures) {
                    Object id = failure instanceof Map<?, ?> item ? item.get("itemIdentifier") : null;
                    if (id == null || String.valueOf(id).isBlank() || !messageIds.contains(String.valueOf(id))) {
                        return Set.of();
                    }
                    failed.add(String.valueOf(id));
                }
            }
        } catch (IOException e) {
            return Set.of();
        }
        Set<String> ok = new HashSet<>(messageIds);
        ok.removeAll(failed);
        return ok;
    }
}
