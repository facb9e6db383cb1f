package fiblab.local.testing;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A test worker: records every delivery, reports a batch item failure for bodies starting with
 * {@code fail}, throws for bodies starting with {@code throw}, and sleeps for {@code sleep:MS:anything}.
 */
public final class RecordingWorker implements RequestHandler<SQSEvent, SQSBatchResponse> {

    /** One delivered record, with the batch it came in. */
    public record Delivery(
            String body,
            int receiveCount,
            int batchSize,
            String eventSource,
            String messageId,
            long sentTimestamp,
            long deliveredAtMillis) {}

    public static final ConcurrentLinkedQueue<Delivery> DELIVERIES = new ConcurrentLinkedQueue<>();

    public RecordingWorker(Map<String, String> environment) {}

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        long now = System.currentTimeMillis();
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            DELIVERIES.add(new Delivery(
                    message.getBody(),
                    Integer.parseInt(message.getAttributes().get("ApproximateReceiveCount")),
                    event.getRecords().size(),
                    message.getEventSource(),
                    message.getMessageId(),
                    Long.parseLong(message.getAttributes().get("SentTimestamp")),
                    now));
            if (message.getBody().startsWith("throw")) {
                throw new IllegalStateException("asked to throw");
            }
            if (message.getBody().startsWith("sleep:")) {
                try {
                    Thread.sleep(Long.parseLong(message.getBody().split(":")[1]));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (message.getBody().startsWith("fail")) {
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }

    public static List<Delivery> deliveriesOf(String body) {
        return DELIVERIES.stream().filter(d -> d.body().equals(body)).toList();
    }
}
