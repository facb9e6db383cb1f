package fiblab.local.testing;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A test API function: answers with what it received in the typed event, so tests can check the
 * gateway built the event API Gateway would send. {@code /sleep/{ms}} sleeps, {@code /fail} throws,
 * {@code /binary} answers base64.
 */
public final class EchoHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final Map<String, String> environment;

    public EchoHandler(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        String path = event.getRawPath();
        if (path.startsWith("/sleep/")) {
            sleep(Long.parseLong(event.getPathParameters().get("ms")));
        }
        if (path.equals("/fail")) {
            throw new IllegalStateException("the echo handler was asked to fail");
        }
        if (path.equals("/binary")) {
            return APIGatewayV2HTTPResponse.builder()
                    .withStatusCode(201)
                    .withHeaders(Map.of("content-type", "application/octet-stream"))
                    .withBody(Base64.getEncoder().encodeToString(new byte[] {0, 1, 2, (byte) 255}))
                    .withIsBase64Encoded(true)
                    .build();
        }
        Map<String, Object> echo = new LinkedHashMap<>();
        echo.put("version", event.getVersion());
        echo.put("routeKey", event.getRouteKey());
        echo.put("rawPath", event.getRawPath());
        echo.put("rawQueryString", event.getRawQueryString());
        echo.put("cookies", event.getCookies());
        echo.put("headers", event.getHeaders());
        echo.put("queryStringParameters", event.getQueryStringParameters());
        echo.put("pathParameters", event.getPathParameters());
        echo.put("body", event.getBody());
        echo.put("isBase64Encoded", event.getIsBase64Encoded());
        var requestContext = event.getRequestContext();
        echo.put("method", requestContext.getHttp().getMethod());
        echo.put("sourceIp", requestContext.getHttp().getSourceIp());
        echo.put("stage", requestContext.getStage());
        echo.put("contextRouteKey", requestContext.getRouteKey());
        echo.put("requestId", requestContext.getRequestId());
        echo.put("timeEpoch", requestContext.getTimeEpoch());
        echo.put("awsRequestId", context.getAwsRequestId());
        echo.put("functionName", context.getFunctionName());
        echo.put("memoryLimitInMB", context.getMemoryLimitInMB());
        echo.put("remainingTimeInMillis", context.getRemainingTimeInMillis());
        echo.put("environment", environment);
        try {
            return APIGatewayV2HTTPResponse.builder()
                    .withStatusCode(200)
                    .withHeaders(Map.of("content-type", "application/json", "x-echo", "yes"))
                    .withCookies(List.of("a=1; Path=/", "b=2"))
                    .withBody(JSON.std.asString(echo))
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
