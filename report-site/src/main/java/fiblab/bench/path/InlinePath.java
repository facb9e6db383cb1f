package fiblab.bench.path;

import com.fasterxml.jackson.jr.ob.JSON;
import fiblab.bench.http.ApiClient;
import fiblab.bench.http.ApiResponse;
import fiblab.fib.FastDoubling;
import java.io.IOException;
import java.util.Map;

/** The inline path: {@code GET /fib/{n}?algorithm=…}; the latency is request to response. */
public final class InlinePath implements Operation {

    private final ApiClient client;
    private final String pathAndQuery;
    private final String expectedValue;

    public InlinePath(ApiClient client, int n, String algorithm) {
        this.client = client;
        this.pathAndQuery = "/fib/" + n + "?algorithm=" + algorithm;
        this.expectedValue = FastDoubling.fib(n).toString();
    }

    @Override
    public Sample call() {
        try {
            ApiResponse response = client.get(pathAndQuery);
            if (response.statusCode() != 200) {
                return Sample.failed("http-" + response.statusCode());
            }
            Map<String, Object> body = JSON.std.mapFrom(response.body());
            if (!expectedValue.equals(String.valueOf(body.get("value")))) {
                return Sample.failed("wrong-value");
            }
            return Sample.inline(Json.longOr(body.get("computeMicros"), -1));
        } catch (IOException e) {
            return Sample.failed(ApiClient.errorKey(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Sample.failed("interrupted");
        }
    }
}
