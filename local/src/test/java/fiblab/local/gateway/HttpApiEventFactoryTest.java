package fiblab.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import fiblab.local.runtime.LambdaSerializers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpApiEventFactoryTest {

    private final HttpApiEventFactory factory = new HttpApiEventFactory("000000000000", "local", 3000);

    @Test
    void create_shouldBuildPayload20_thatTheRuntimeSerializerReadsIntoTheTypedEvent() {
        // Given
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of("application/json"));
        headers.put("X-Multi", List.of("a", "b"));
        headers.put("Cookie", List.of("c1=v1; c2=v2"));
        headers.put("User-Agent", List.of("curl/8"));
        headers.put("Host", List.of("127.0.0.1:3000"));
        GatewayRequest request = new GatewayRequest(
                "POST",
                "/jobs/a%20b",
                "x=1&x=2&y=%C3%A9",
                "HTTP/1.1",
                headers,
                "{\"n\":30}".getBytes(StandardCharsets.UTF_8),
                "127.0.0.1");

        // When
        String json = factory.create(request, "POST /jobs/{id}", Map.of("id", "a b"), "abcdefghijklmn=");
        APIGatewayV2HTTPEvent event =
                (APIGatewayV2HTTPEvent) LambdaSerializers.fromJson(json, APIGatewayV2HTTPEvent.class);

        // Then
        assertThat(event.getVersion()).isEqualTo("2.0");
        assertThat(event.getRouteKey()).isEqualTo("POST /jobs/{id}");
        assertThat(event.getRawPath()).isEqualTo("/jobs/a%20b");
        assertThat(event.getRawQueryString()).isEqualTo("x=1&x=2&y=%C3%A9");
        assertThat(event.getQueryStringParameters()).containsEntry("x", "1,2").containsEntry("y", "é");
        assertThat(event.getCookies()).containsExactly("c1=v1", "c2=v2");
        assertThat(event.getHeaders())
                .containsEntry("content-type", "application/json")
                .containsEntry("x-multi", "a,b")
                .containsEntry("x-forwarded-for", "127.0.0.1")
                .doesNotContainKey("cookie")
                .doesNotContainKey("Content-Type");
        assertThat(event.getPathParameters()).containsEntry("id", "a b");
        assertThat(event.getBody()).isEqualTo("{\"n\":30}");
        assertThat(event.getIsBase64Encoded()).isFalse();
        assertThat(event.getRequestContext().getHttp().getMethod()).isEqualTo("POST");
        assertThat(event.getRequestContext().getHttp().getUserAgent()).isEqualTo("curl/8");
        assertThat(event.getRequestContext().getStage()).isEqualTo("$default");
        assertThat(event.getRequestContext().getDomainName()).isEqualTo("127.0.0.1:3000");
        assertThat(event.getRequestContext().getRequestId()).isEqualTo("abcdefghijklmn=");
        assertThat(event.getRequestContext().getTimeEpoch()).isPositive();
    }

    @Test
    void create_shouldBase64EncodeBinaryBodies_andOmitAbsentParts() {
        // Given
        byte[] binary = {0, (byte) 0xff, 10};
        GatewayRequest request = new GatewayRequest(
                "PUT",
                "/upload",
                null,
                "HTTP/1.1",
                Map.of("content-type", List.of("application/octet-stream")),
                binary,
                "127.0.0.1");

        // When
        String json = factory.create(request, "$default", Map.of(), "abcdefghijklmn=");
        APIGatewayV2HTTPEvent event =
                (APIGatewayV2HTTPEvent) LambdaSerializers.fromJson(json, APIGatewayV2HTTPEvent.class);

        // Then
        assertThat(event.getIsBase64Encoded()).isTrue();
        assertThat(Base64.getDecoder().decode(event.getBody())).isEqualTo(binary);
        assertThat(event.getRawQueryString()).isEmpty();
        assertThat(event.getQueryStringParameters()).isNull();
        assertThat(event.getPathParameters()).isNull();
        assertThat(event.getCookies()).isNull();
    }

    @Test
    void fromLambda_shouldMapStatusHeadersCookiesAndBase64Body_ofTheSerializedResponse() {
        // Given
        APIGatewayV2HTTPResponse typed = APIGatewayV2HTTPResponse.builder()
                .withStatusCode(202)
                .withHeaders(Map.of("Location", "/jobs/1"))
                .withCookies(List.of("k=v"))
                .withBody(Base64.getEncoder().encodeToString(new byte[] {1, 2}))
                .withIsBase64Encoded(true)
                .build();
        String json = LambdaSerializers.toJson(typed, APIGatewayV2HTTPResponse.class);

        // When
        HttpApiResponse response = HttpApiResponse.fromLambda(json);

        // Then
        assertThat(response.status()).isEqualTo(202);
        assertThat(response.headers())
                .containsEntry("location", List.of("/jobs/1"))
                .containsEntry("set-cookie", List.of("k=v"));
        assertThat(response.body()).containsExactly(1, 2);
    }

    @Test
    void fromLambda_shouldAnswer200Json_whenTheResponseHasNoStatusCode() {
        // Given / When
        HttpApiResponse response = HttpApiResponse.fromLambda("{\"hello\":\"world\"}");

        // Then
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers()).containsEntry("content-type", List.of("application/json"));
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{\"hello\":\"world\"}");
    }
}
