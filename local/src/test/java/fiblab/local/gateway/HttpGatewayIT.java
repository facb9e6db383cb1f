package fiblab.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import fiblab.local.log.LogSink;
import fiblab.local.runtime.LambdaFunction;
import fiblab.local.servers.ServerStartException;
import fiblab.local.template.HttpRouteDefinition;
import fiblab.local.testing.EchoHandler;
import fiblab.local.testing.TestFunctions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpGatewayIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @AutoClose
    private LambdaFunction function;

    @AutoClose
    private HttpGateway gateway;

    private HttpGateway start(Duration functionTimeout, Duration integrationTimeout) {
        function = TestFunctions.host(EchoHandler.class, functionTimeout, 128, 10, Map.of(), LogSink.stdout());
        RouteTable<LambdaFunction> routes = new RouteTable<>();
        routes.add(new HttpRouteDefinition("Sleep", "GET", "/sleep/{ms}"), function);
        gateway = HttpGateway.start(routes, 0, integrationTimeout, LogSink.stdout(), "000000000000");
        return gateway;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(gateway.url() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Which timeout fires first decides the answer: the gateway's own (the HTTP API waits 30 s) gives
     * 503, the function's own gives the 500 API Gateway answers for a failed invocation.
     */
    @ParameterizedTest(name = "{3} {4} when {5}")
    @CsvSource(
            delimiter = '|',
            value = {
                "5000 | 1000  | 2500 | 503 | Service Unavailable   | the integration runs past its timeout",
                "500  | 30000 | 2000 | 500 | Internal Server Error | the function runs past its own timeout"
            })
    void request_shouldGetTheGatewaysJsonError_whenATimeoutFires(
            long functionMillis, long integrationMillis, int sleepMillis, int status, String message, String when)
            throws Exception {
        // Given
        start(Duration.ofMillis(functionMillis), Duration.ofMillis(integrationMillis));

        // When
        HttpResponse<String> response = get("/sleep/" + sleepMillis);

        // Then
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.body()).isEqualTo("{\"message\":\"" + message + "\"}");
    }

    @Test
    void start_shouldSayWhatToDo_whenThePortIsInUse() {
        // Given
        HttpGateway first = start(Duration.ofSeconds(1), Duration.ofSeconds(1));
        int port = first.url().getPort();

        // When / Then
        Assertions.assertThatThrownBy(() -> HttpGateway.start(
                        new RouteTable<>(), port, Duration.ofSeconds(1), LogSink.stdout(), "000000000000"))
                .isInstanceOf(ServerStartException.class)
                .hasMessageContaining("port " + port)
                .hasMessageContaining("--port");
    }
}
