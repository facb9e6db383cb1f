package fiblab.local.gateway;

import java.util.List;
import java.util.Map;

/**
 * An HTTP request as the gateway received it, before it becomes an API Gateway event.
 *
 * @param headers header names as received, each with all its values in order
 */
public record GatewayRequest(
        String method,
        String rawPath,
        String rawQuery,
        String protocol,
        Map<String, List<String>> headers,
        byte[] body,
        String sourceIp) {}
