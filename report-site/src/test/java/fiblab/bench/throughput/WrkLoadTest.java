package fiblab.bench.throughput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class WrkLoadTest {

    /** wrk 4.1's report of a run against a server that answered 404 to everything, as printed on this machine. */
    private static final String REPORT = """
            Running 2s test @ http://127.0.0.1:38123/nope
              2 threads and 10 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency     7.38ms   35.32ms 418.42ms   97.47%
                Req/Sec     1.17k   561.03     2.26k    50.00%
              Latency Distribution
                 50%    2.30ms
                 75%  680.00us
                 90%    3.08ms
                 99%    1.20s
              4911 requests in 2.10s, 2.44MB read
              Socket errors: connect 0, read 2, write 0, timeout 1
              Non-2xx or 3xx responses: 4911
            Requests/sec:   2338.84
            Transfer/sec:      1.16MB
            """;

    @Test
    void parse_shouldReadThroughputErrorsAndPercentiles_inMilliseconds() {
        Map<String, Object> result = WrkLoad.parse(REPORT);

        assertThat(result)
                .containsEntry("perSecond", 2338.84)
                .containsEntry("requests", 4911L)
                .containsEntry("seconds", 2.1)
                .containsEntry("non2xx", 4911L)
                .containsEntry("socketErrors", 3L);
        assertThat(result.get("latencyMillis")).isEqualTo(Map.of("p50", 2.3, "p75", 0.68, "p90", 3.08, "p99", 1200.0));
    }

    @Test
    void parse_shouldRefuse_whenTheOutputHasNoThroughputLine() {
        assertThatThrownBy(() -> WrkLoad.parse("unable to connect to 127.0.0.1:1 Connection refused"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Connection refused");
    }
}
