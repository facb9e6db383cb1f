package fiblab.local.testing;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/** A worker that records, per message, the nanos from the sender's System.nanoTime() (its body) to delivery. */
public final class HandoffWorker implements RequestHandler<SQSEvent, SQSBatchResponse> {

    public static final ConcurrentLinkedQueue<Long> LATENCIES_NANOS = new ConcurrentLinkedQueue<>();

    public HandoffWorker(Map<String, String> environment) {}

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        long now = System.nanoTime();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            LATENCIES_NANOS.add(now - Long.parseLong(message.getBody()));
        }
        return new SQSBatchResponse(List.of());
    }
}
