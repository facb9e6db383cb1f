package fiblab.local.gateway;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * What the server answers when it refuses a request before the gateway sees it (a request line or
 * header it cannot parse, an ambiguous URI, a stalled head): API Gateway's JSON error body,
 * {@code {"message":"Bad Request"}}, never Jetty's HTML page or an exception's name.
 */
final class GatewayErrors implements Request.Handler {

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status =
                request.getAttribute(ErrorHandler.ERROR_STATUS) instanceof Integer code ? code : response.getStatus();
        if (status < 400) {
            status = 500;
        }
        HttpApiResponse error = HttpApiResponse.gatewayError(status, message(status));
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, error.body().length);
        response.write(true, ByteBuffer.wrap(error.body()), callback);
        return true;
    }

    /** API Gateway's wording where it has one; the standard reason phrase otherwise. */
    static String message(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 408 -> "Request Timeout";
            case 413 -> "Request Entity Too Large";
            case 500 -> "Internal Server Error";
            default -> HttpStatus.getMessage(status);
        };
    }
}
