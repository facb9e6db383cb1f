package fiblab.local.gateway;

import fiblab.local.template.HttpRouteDefinition;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP API's routes, matched as API Gateway matches them: the most specific path wins
 * (literal segments before {@code {param}}, {@code {param}} before greedy {@code {proxy+}}), a
 * route for the method before {@code ANY}, and {@code $default} only when nothing else matches.
 *
 * @param <T> what a route leads to (the integration: a function)
 */
public final class RouteTable<T> {

    /** A matched route, its target and the path parameters taken from the request path. */
    public record Match<T>(HttpRouteDefinition route, T target, Map<String, String> pathParameters) {}

    private record Entry<T>(HttpRouteDefinition route, List<String> segments, T target) {}

    private final List<Entry<T>> routes = new ArrayList<>();
    private Entry<T> defaultRoute;

    public void add(HttpRouteDefinition route, T target) {
        if (route.isDefault()) {
            defaultRoute = new Entry<>(route, List.of(), target);
            return;
        }
        routes.add(new Entry<>(route, segments(route.path()), target));
        routes.sort(Comparator.comparing((Entry<T> e) -> specificity(e)).reversed());
    }

    public List<HttpRouteDefinition> routes() {
        List<HttpRouteDefinition> all =
                new ArrayList<>(routes.stream().map(Entry::route).toList());
        if (defaultRoute != null) {
            all.add(defaultRoute.route());
        }
        return all;
    }

    /** The route for a request, or empty when neither a route nor {@code $default} takes it. */
    public Optional<Match<T>> match(String method, String rawPath) {
        List<String> request = segments(rawPath);
        for (Entry<T> entry : routes) {
            String routeMethod = entry.route().method();
            if (!routeMethod.equals("ANY") && !routeMethod.equalsIgnoreCase(method)) {
                continue;
            }
            Map<String, String> parameters = bind(entry.segments(), request);
            if (parameters != null) {
                return Optional.of(new Match<>(entry.route(), entry.target(), parameters));
            }
        }
        return Optional.ofNullable(defaultRoute).map(d -> new Match<>(d.route(), d.target(), Map.of()));
    }

    private static Map<String, String> bind(List<String> pattern, List<String> request) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < pattern.size(); i++) {
            String segment = pattern.get(i);
            if (segment.startsWith("{") && segment.endsWith("+}")) {
                if (i >= request.size()) {
                    return null;
                }
                String rest = String.join("/", request.subList(i, request.size()));
                parameters.put(segment.substring(1, segment.length() - 2), decode(rest));
                return parameters;
            }
            if (i >= request.size()) {
                return null;
            }
            String actual = request.get(i);
            if (segment.startsWith("{") && segment.endsWith("}")) {
                if (actual.isEmpty()) {
                    return null;
                }
                parameters.put(segment.substring(1, segment.length() - 1), decode(actual));
            } else if (!segment.equals(actual)) {
                return null;
            }
        }
        return pattern.size() == request.size() ? parameters : null;
    }

    /** Literal segments count most, then parameters, greedy last; a method beats ANY on ties. */
    private static long specificity(Entry<?> entry) {
        long score = 0;
        for (String segment : entry.segments()) {
            score *= 4;
            if (segment.endsWith("+}")) {
                score += 1;
            } else if (segment.startsWith("{")) {
                score += 2;
            } else {
                score += 3;
            }
        }
        return score * 2
                + (entry.route().method().equals("ANY") ? 0 : 1)
                + entry.segments().size() * 1_000_000_000L;
    }

    private static List<String> segments(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.isEmpty()) {
            return List.of();
        }
        return List.of(trimmed.split("/", -1));
    }

    private static String decode(String value) {
        return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
