package fiblab.local.poller;

import static org.assertj.core.api.Assertions.assertThat;

import fiblab.local.LocalStack;
import fiblab.local.LocalStackOptions;
import fiblab.local.testing.Eventually;
import fiblab.local.testing.QueueDepth;
import fiblab.local.testing.RecordingWorker;
import fiblab.local.testing.Templates;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * The event source mapping deletes what an invocation processed after the invocation returns, without
 * its poller waiting for the delete: many batches in a row, on a queue whose visibility timeout is
 * 1 s, are each delivered once (a delete that never landed would bring its message back within a
 * second), failed items still come back, and the queue ends empty.
 */
class SqsEventSourceDeletesIT {

    @TempDir
    static Path dir;

    @Test
    void processedMessages_shouldEachBeDeliveredOnce_andFailedOnesComeBack_whenBatchesFollowEachOther()
            throws Exception {
        // Given: test-template.yaml, batch size 3, visibility timeout 1 s, maxReceiveCount 2
        String tag = "deletes-" + System.nanoTime() + "-";
        try (LocalStack stack = LocalStack.start(LocalStackOptions.defaults(Templates.testStack())
                        .withPort(0)
                        .withLogFile(dir.resolve("stack.log")));
                SqsClient sqs = stack.endpoints().sqsClient()) {
            String queue = stack.ref("WorkQueue");

            // When: 40 messages, every tenth one failing
            for (int from = 0; from < 40; from += 10) {
                List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
                for (int i = from; i < from + 10; i++) {
                    String body = (i % 10 == 9 ? "fail-" : "ok-") + tag + i;
                    entries.add(SendMessageBatchRequestEntry.builder()
                            .id("m" + i)
                            .messageBody(body)
                            .build());
                }
                sqs.sendMessageBatch(r -> r.queueUrl(queue).entries(entries));
            }

            // Then: the failing ones are delivered twice (then the DLQ), each of the others once
            assertThat(Eventually.within(
                            Duration.ofSeconds(30),
                            () -> RecordingWorker.DELIVERIES.stream()
                                            .filter(d -> d.body().startsWith("fail-" + tag))
                                            .count()
                                    == 8))
                    .as("failed messages came back once each")
                    .isTrue();
            assertThat(Eventually.within(Duration.ofSeconds(10), () -> QueueDepth.of(sqs, queue) == 0))
                    .as("queue empty")
                    .isTrue();
            Thread.sleep(2_000); // longer than the visibility timeout: an undeleted message would be back
            for (int i = 0; i < 40; i++) {
                String body = (i % 10 == 9 ? "fail-" : "ok-") + tag + i;
                assertThat(RecordingWorker.deliveriesOf(body))
                        .as(body)
                        .extracting(RecordingWorker.Delivery::receiveCount)
                        .containsExactlyElementsOf(i % 10 == 9 ? List.of(1, 2) : List.of(1));
            }
            assertThat(RecordingWorker.DELIVERIES.stream().filter(d -> d.body().contains(tag)))
                    .allMatch(d -> d.batchSize() <= 3);
        }
    }
}
