package fiblab.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import fiblab.local.template.HttpRouteDefinition;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    private static RouteTable<String> table(boolean withDefault) {
        RouteTable<String> table = new RouteTable<>();
        table.add(new HttpRouteDefinition("Proxy", "ANY", "/{proxy+}"), "proxy");
        table.add(new HttpRouteDefinition("GetJob", "GET", "/jobs/{jobId}"), "get-job");
        table.add(new HttpRouteDefinition("Latest", "GET", "/jobs/latest"), "latest");
        table.add(new HttpRouteDefinition("AnyJob", "ANY", "/jobs/{jobId}"), "any-job");
        if (withDefault) {
            table.add(new HttpRouteDefinition("CatchAll", "ANY", "$default"), "default");
        }
        return table;
    }

    @Test
    void match_shouldPreferLiteralThenParameterThenGreedy() {
        // Given
        RouteTable<String> table = table(false);

        // When / Then
        assertThat(table.match("GET", "/jobs/latest").orElseThrow().target()).isEqualTo("latest");
        assertThat(table.match("GET", "/jobs/abc").orElseThrow().target()).isEqualTo("get-job");
        assertThat(table.match("GET", "/jobs/abc").orElseThrow().pathParameters())
                .containsEntry("jobId", "abc");
        assertThat(table.match("DELETE", "/jobs/abc").orElseThrow().target()).isEqualTo("any-job");
        assertThat(table.match("GET", "/a/b/c").orElseThrow().pathParameters()).containsEntry("proxy", "a/b/c");
    }

    @Test
    void match_shouldFallBackToDefault_onlyWhenNoRouteMatches() {
        // Given
        RouteTable<String> routes = new RouteTable<>();
        routes.add(new HttpRouteDefinition("GetFib", "GET", "/fib/{n}"), "fib");
        routes.add(new HttpRouteDefinition("CatchAll", "ANY", "$default"), "default");

        // When / Then
        assertThat(routes.match("GET", "/fib/10").orElseThrow().route().routeKey())
                .isEqualTo("GET /fib/{n}");
        assertThat(routes.match("POST", "/fib/10").orElseThrow().route().routeKey())
                .isEqualTo("$default");
        assertThat(routes.match("GET", "/fib/10/more").orElseThrow().target()).isEqualTo("default");
        assertThat(routes.match("GET", "/fib/").orElseThrow().target()).isEqualTo("default");
    }

    @Test
    void match_shouldFindNothing_withoutDefaultRoute() {
        // Given
        RouteTable<String> routes = new RouteTable<>();
        routes.add(new HttpRouteDefinition("GetFib", "GET", "/fib/{n}"), "fib");

        // When / Then
        assertThat(routes.match("GET", "/nothing")).isEmpty();
        assertThat(routes.match("GET", "/fib/%41"))
                .get()
                .extracting(m -> m.pathParameters().get("n"))
                .isEqualTo("A");
    }

    @Test
    void match_shouldTakeAPathOfAHundredThousandSlashes_toTheDefaultRoute() {
        // Given the fiblab routes and $default
        RouteTable<String> routes = new RouteTable<>();
        routes.add(new HttpRouteDefinition("GetFib", "GET", "/fib/{n}"), "fib");
        routes.add(new HttpRouteDefinition("GetJob", "GET", "/jobs/{jobId}"), "job");
        routes.add(new HttpRouteDefinition("CatchAll", "ANY", "$default"), "default");

        // When a path of 100,000 slashes arrives (matching splits it once, in linear time)
        var match = routes.match("GET", "/".repeat(100_000) + "fib/30");

        // Then it is no route's but $default's, which the function then refuses with 414
        assertThat(match).map(RouteTable.Match::target).hasValue("default");
    }
}
