package fiblab.bench.path;

import fiblab.bench.http.ApiClient;
import fiblab.bench.http.ApiResponse;
import java.io.IOException;

/**
 * A request that makes the server do no computation: an unknown route, answered 404. Run through
 * the same load loop, it measures the floor that the client, the network stack and the gateway
 * add to every request, and how fast the load generator can go at all.
 */
public final class NoWorkPath implements Operation {

    public static final String ROUTE = "/__fiblab-bench/no-work";

    private final ApiClient client;

    public NoWorkPath(ApiClient client) {
        this.client = client;
    }

    @Override
    public Sample call() {
        try {
            ApiResponse response = client.get(ROUTE);
            return response.statusCode() == 404 ? Sample.inline(-1) : Sample.failed("http-" + response.statusCode());
        } catch (IOException e) {
            return Sample.failed(ApiClient.errorKey(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Sample.failed("interrupted");
        }
    }
}
