package fiblab.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import fiblab.local.servers.LocalServers;
import fiblab.local.testing.Eventually;
import fiblab.local.testing.RecordingWorker;
import fiblab.local.testing.SingleEndpointProxy;
import fiblab.local.testing.Templates;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The stack against one external SQS + DynamoDB endpoint (what --endpoint does with LocalStack). */
class LocalStackEndpointIT {

    @TempDir
    Path dir;

    @Test
    void start_withEndpoint_shouldUseItForEverything_andReuseWhatExists() throws Exception {
        // Given: an endpoint that serves both APIs, like LocalStack's
        try (LocalServers servers = LocalServers.start("us-east-1");
                SingleEndpointProxy proxy =
                        new SingleEndpointProxy(servers.sqsEndpoint(), servers.dynamoDbEndpoint())) {
            LocalStackOptions options = LocalStackOptions.defaults(Templates.testStack())
                    .withPort(0)
                    .withEndpoint(proxy.endpoint())
                    .withLogFile(dir.resolve("endpoint.log"));

            // When: started twice against it (the second finds the queues and table there)
            try (LocalStack first = LocalStack.start(options);
                    LocalStack second = LocalStack.start(options)) {
                HttpResponse<String> response = HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(second.apiUrl() + "/echo/1"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                String body = "via-endpoint-" + System.nanoTime();
                try (SqsClient sqs = second.endpoints().sqsClient()) {
                    sqs.sendMessage(r -> r.queueUrl(second.ref("WorkQueue")).messageBody(body));
                }

                // Then
                assertThat(first.servers()).isEmpty();
                assertThat(second.ref("WorkQueue")).isEqualTo(first.ref("WorkQueue"));
                Map<String, Object> environment =
                        (Map<String, Object>) JSON.std.mapFrom(response.body()).get("environment");
                assertThat(environment)
                        .containsEntry("AWS_ENDPOINT_URL", proxy.endpoint().toString())
                        .containsEntry(
                                "AWS_ENDPOINT_URL_DYNAMODB", proxy.endpoint().toString());
                assertThat(Eventually.within(
                                Duration.ofSeconds(10),
                                () -> !RecordingWorker.deliveriesOf(body).isEmpty()))
                        .isTrue();
            }
        }
    }
}
