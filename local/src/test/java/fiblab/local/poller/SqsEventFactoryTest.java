package fiblab.local.poller;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import fiblab.local.runtime.InvocationResult;
import fiblab.local.runtime.LambdaSerializers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

class SqsEventFactoryTest {

    @Test
    void create_shouldBuildTheLambdaSqsEvent_thatTheRuntimeSerializerReadsWithRecords() {
        // Given
        Message message = Message.builder()
                .messageId("m-1")
                .receiptHandle("rh-1")
                .body("{\"jobId\":\"j\"}")
                .md5OfBody("md5")
                .attributesWithStrings(Map.of(
                        "ApproximateReceiveCount",
                        "2",
                        "SentTimestamp",
                        "1700000000000",
                        "SenderId",
                        "AIDA",
                        "ApproximateFirstReceiveTimestamp",
                        "1700000000001"))
                .messageAttributes(Map.of(
                        "kind",
                        MessageAttributeValue.builder()
                                .dataType("String")
                                .stringValue("x")
                                .build()))
                .build();

        // When
        String json = new SqsEventFactory("arn:aws:sqs:us-east-1:000000000000:Q", "us-east-1").create(List.of(message));
        SQSEvent event = (SQSEvent) LambdaSerializers.fromJson(json, SQSEvent.class);

        // Then
        assertThat(json).contains("\"Records\"");
        assertThat(event.getRecords()).hasSize(1);
        SQSEvent.SQSMessage record = event.getRecords().get(0);
        assertThat(record.getMessageId()).isEqualTo("m-1");
        assertThat(record.getReceiptHandle()).isEqualTo("rh-1");
        assertThat(record.getBody()).isEqualTo("{\"jobId\":\"j\"}");
        assertThat(record.getAttributes())
                .containsEntry("ApproximateReceiveCount", "2")
                .containsEntry("SenderId", "AIDA");
        assertThat(record.getMessageAttributes().get("kind").getStringValue()).isEqualTo("x");
        assertThat(record.getEventSource()).isEqualTo("aws:sqs");
        assertThat(record.getEventSourceArn()).isEqualTo("arn:aws:sqs:us-east-1:000000000000:Q");
        assertThat(record.getAwsRegion()).isEqualTo("us-east-1");
        assertThat(record.getMd5OfBody()).isEqualTo("md5");
    }

    @Test
    void succeeded_shouldKeepOnlyTheReportedFailures_whenReportBatchItemFailuresIsOn() {
        // Given
        String response = LambdaSerializers.toJson(
                new SQSBatchResponse(List.of(new SQSBatchResponse.BatchItemFailure("b"))), SQSBatchResponse.class);
        InvocationResult ok = new InvocationResult("r", InvocationResult.Status.SUCCESS, response, Duration.ZERO);

        // When / Then
        assertThat(BatchOutcome.succeeded(List.of("a", "b", "c"), ok, true)).containsExactlyInAnyOrder("a", "c");
        assertThat(BatchOutcome.succeeded(List.of("a", "b", "c"), ok, false)).containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    void succeeded_shouldFailTheWholeBatch_whenTheInvocationFailsOrAnIdentifierIsUnknown() {
        // Given
        InvocationResult error = new InvocationResult("r", InvocationResult.Status.ERROR, "{}", Duration.ZERO);
        InvocationResult unknownId = new InvocationResult(
                "r",
                InvocationResult.Status.SUCCESS,
                "{\"batchItemFailures\":[{\"itemIdentifier\":\"zzz\"}]}",
                Duration.ZERO);
        InvocationResult empty =
                new InvocationResult("r", InvocationResult.Status.SUCCESS, "{\"batchItemFailures\":[]}", Duration.ZERO);

        // When / Then
        assertThat(BatchOutcome.succeeded(List.of("a", "b"), error, true)).isEmpty();
        assertThat(BatchOutcome.succeeded(List.of("a", "b"), unknownId, true)).isEmpty();
        assertThat(BatchOutcome.succeeded(List.of("a", "b"), empty, true)).containsExactlyInAnyOrder("a", "b");
    }
}
