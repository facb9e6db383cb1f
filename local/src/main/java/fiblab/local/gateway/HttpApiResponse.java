package fiblab.local.gateway;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The HTTP response an HTTP API makes of a Lambda's payload 2.0 response: {@code statusCode},
 * {@code headers}, {@code multiValueHeaders}, {@code cookies}, {@code body} and
 * {@code isBase64Encoded}; a response without {@code statusCode} is taken as a 200 JSON body.
 */
public record HttpApiResponse(int status, Map<String, List<String>> headers, byte[] body) {

    /** API Gateway's own answer when something between it and the function failed. */
    public static HttpApiResponse gatewayError(int status, String message) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("content-type", List.of("application/json"));
        return new HttpApiResponse(
                status, headers, ("{\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    /** Maps the function's response JSON; a response API Gateway could not use is a 500. */
    public static HttpApiResponse fromLambda(String json) {
        Object parsed;
        try {
            parsed = JSON.std.anyFrom(json);
        } catch (IOException e) {
            return gatewayError(500, "Internal Server Error");
        }
        if (!(parsed instanceof Map<?, ?> response) || !response.containsKey("statusCode")) {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            headers.put("content-type", List.of("application/json"));
            String body = parsed instanceof String text ? text : json;
            return new HttpApiResponse(200, headers, body.getBytes(StandardCharsets.UTF_8));
        }
        int status;
        try {
            status = Integer.parseInt(String.valueOf(response.get("statusCode")));
        } catch (NumberFormatException e) {
            return gatewayError(500, "Internal Server Error");
        }
        if (status < 100 || status > 599) {
            return gatewayError(500, "Internal Server Error");
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (response.get("multiValueHeaders") instanceof Map<?, ?> multi) {
            multi.forEach((name, values) -> {
                if (values instanceof List<?> list) {
                    list.forEach(v -> add(headers, String.valueOf(name), String.valueOf(v)));
                }
            });
        }
        if (response.get("headers") instanceof Map<?, ?> single) {
            single.forEach((name, value) -> {
                if (value != null) {
                    headers.put(String.valueOf(name).toLowerCase(), new ArrayList<>(List.of(String.valueOf(value))));
                }
            });
        }
        if (response.get("cookies") instanceof List<?> cookies) {
            cookies.forEach(cookie -> add(headers, "set-cookie", String.valueOf(cookie)));
        }
        Object body = response.get("body");
        boolean base64 = Boolean.TRUE.equals(response.get("isBase64Encoded"))
                || Boolean.TRUE.equals(response.get("base64Encoded"));
        byte[] bytes;
        if (body == null) {
            bytes = new byte[0];
        } else if (base64) {
            try {
                bytes = Base64.getDecoder().decode(String.valueOf(body));
            } catch (IllegalArgumentException e) {
                return gatewayError(500, "Internal Server Error");
            }
        } else {
            bytes = String.valueOf(body).getBytes(StandardCharsets.UTF_8);
        }
        return new HttpApiResponse(status, headers, bytes);
    }

    private static void add(Map<String, List<String>> headers, String name, String value) {
        headers.computeIfAbsent(name.toLowerCase(), k -> new ArrayList<>()).add(value);
    }
}
