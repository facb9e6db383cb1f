package fiblab.bench.overload;

import com.fasterxml.jackson.jr.ob.JSON;
import fiblab.bench.http.ApiClient;
import fiblab.bench.http.ApiResponse;
import fiblab.fib.FastDoubling;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;

/** {@code GET /fib/{n}} once, classified the way an overloaded client sees it. */
final class InlineCall {

    private final ApiClient client;
    private final String path;
    private final String expected;
    private final long patienceNanos;

    /** @param patience an answer later than this after the intended send counts as a timeout, right or not */
    InlineCall(ApiClient client, int n, Duration patience) {
        this.client = client;
        this.patienceNanos = patience.toNanos();
        this.path = "/fib/" + n + "?algorithm=naive";
        this.expected = FastDoubling.fib(n).toString();
    }

    /** @param intended the step-relative nano time the open loop meant to send at; {@code stepStart} its origin */
    OverloadSample call(long stepStart, long intended) {
        ErrorKind error;
        long compute = -1;
        try {
            ApiResponse response = client.get(path);
            if (response.statusCode() != 200) {
                error = ErrorKind.ofStatus(response.statusCode());
            } else {
                Map<String, Object> body = JSON.std.mapFrom(response.body());
                error = expected.equals(String.valueOf(body.get("value"))) ? null : ErrorKind.WRONG_OR_FAILED;
                compute = body.get("computeMicros") instanceof Number micros ? micros.longValue() : -1;
            }
        } catch (IOException e) {
            error = ErrorKind.of(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = ErrorKind.OTHER;
        }
        long latency = System.nanoTime() - stepStart - intended;
        // the open loop's own queue can delay a send: the client's patience counts from when it wanted the answer
        error = ErrorKind.within(error, latency, patienceNanos);
        return new OverloadSample(intended, latency, error, -1, -1, compute, 0);
    }
}
