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

    @Test
    void request_shouldGet503ServiceUnavailable_whenTheIntegrationRunsPastItsTimeout() throws Exception {
        // Given: a function allowed 5 s behind a gateway that waits 1 s (the HTTP API waits 30 s)
        start(Duration.ofSeconds(5), Duration.ofSeconds(1));

        // When
        HttpResponse<String> response = get("/sleep/2500");

        // Then
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).isEqualTo("{\"message\":\"Service Unavailable\"}");
    }

    @Test
    void request_shouldGet500InternalServerError_whenTheFunctionRunsPastItsOwnTimeout() throws Exception {
        // Given
        start(Duration.ofMillis(500), Duration.ofSeconds(30));

        // When
        HttpResponse<String> response = get("/sleep/2000");

        // Then
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).isEqualTo("{\"message\":\"Internal Server Error\"}");
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
