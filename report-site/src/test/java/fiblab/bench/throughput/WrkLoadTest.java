package fiblab.bench.throughput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fiblab.bench.result.ThroughputFindings.External;
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
        External result = WrkLoad.parse(REPORT);

        assertThat(result.perSecond()).isEqualTo(2338.84);
        assertThat(result.requests()).isEqualTo(4911L);
        assertThat(result.seconds()).isEqualTo(2.1);
        assertThat(result.non2xx()).isEqualTo(4911L);
        assertThat(result.socketErrors()).isEqualTo(3L);
        assertThat(result.latencyMillis()).isEqualTo(Map.of("p50", 2.3, "p75", 0.68, "p90", 3.08, "p99", 1200.0));
        assertThat(result.latencyMillis().keySet()).containsExactly("p50", "p75", "p90", "p99");
        assertThat(result.skipped()).isNull();
        assertThat(result.ratio()).isNull();
    }

    @Test
    void parse_shouldRefuse_whenTheOutputHasNoThroughputLine() {
        assertThatThrownBy(() -> WrkLoad.parse("unable to connect to 127.0.0.1:1 Connection refused"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Connection refused");
    }
}
