package fiblab.local.testing;

import fiblab.local.gateway.GatewayRequest;
import fiblab.local.gateway.HttpApiEventFactory;
import java.util.List;
import java.util.Map;

/** Payload 2.0 events for tests that invoke a function directly, built by the gateway's own factory. */
public final class ApiEvents {

    private static final HttpApiEventFactory FACTORY = new HttpApiEventFactory("000000000000", "local", 3000);

    private ApiEvents() {}

    public static String get(String path, Map<String, String> pathParameters, String routeKey) {
        GatewayRequest request = new GatewayRequest(
                "GET", path, null, "HTTP/1.1", Map.of("host", List.of("127.0.0.1:3000")), new byte[0], "127.0.0.1");
        return FACTORY.create(request, routeKey, pathParameters, HttpApiEventFactory.newRequestId());
    }
}
