package fiblab.bench.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** Requests to an IAM-authorized API carry a SigV4 Authorization for service execute-api. */
class SigV4SignerTest {

    @Test
    void executeApiRegion_shouldComeFromTheHost_andOnlyForExecuteApiUrls() {
        assertThat(SigV4Signer.executeApiRegion(URI.create("https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com")))
                .hasValue("eu-west-1");
        assertThat(SigV4Signer.executeApiRegion(URI.create("http://127.0.0.1:3000")))
                .isEmpty();
        assertThat(SigV4Signer.executeApiRegion(URI.create("https://example.com")))
                .isEmpty();
    }

    @Test
    void client_shouldSendTheSignatureHeaders_forTheHostAndPathItSends() throws Exception {
        // Given a server that records what it receives
        Map<String, String> received = new ConcurrentHashMap<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestHeaders().forEach((name, values) -> received.put(name.toLowerCase(), values.get(0)));
            received.put(":path", exchange.getRequestURI().getRawPath());
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(202, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        SigV4Signer signer = new SigV4Signer(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")), "us-east-1");
        try (ApiClient client = new ApiClient(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()), Duration.ofSeconds(5), signer)) {
            // When
            client.postJson("/jobs", "{\"n\": 30}");
        } finally {
            server.stop(0);
        }

        // Then
        assertThat(received.get("authorization"))
                .startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/")
                .contains("/us-east-1/execute-api/aws4_request")
                .containsPattern("SignedHeaders=host;(x-amz-content-sha256;)?x-amz-date,")
                .containsPattern("Signature=[0-9a-f]{64}$");
        assertThat(received.get("x-amz-date")).matches("\\d{8}T\\d{6}Z");
        assertThat(received.get("host"))
                .isEqualTo("127.0.0.1:" + server.getAddress().getPort());
        assertThat(received.get(":path")).isEqualTo("/jobs");
    }
}
