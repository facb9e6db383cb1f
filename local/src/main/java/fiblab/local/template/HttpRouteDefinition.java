package fiblab.local.template;

/**
 * An {@code HttpApi} event of a function: {@code GET /fib/{n}}, {@code ANY /{proxy+}}, or the
 * {@code $default} route that catches every request no other route matches.
 */
public record HttpRouteDefinition(String eventName, String method, String path) {

    public static final String DEFAULT_ROUTE = "$default";

    public boolean isDefault() {
        return path.equals(DEFAULT_ROUTE);
    }

    /** The route key API Gateway puts into the event: {@code "GET /fib/{n}"} or {@code "$default"}. */
    public String routeKey() {
        return isDefault() ? DEFAULT_ROUTE : method + " " + path;
    }
}
