package fiblab.local.gateway;

import fiblab.local.template.HttpApiDefinition;
import fiblab.local.template.HttpRouteDefinition;
import fiblab.local.template.Throttle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/** One token bucket per throttled route, as an HTTP API stage keeps them (per route, not per caller). */
public final class RouteThrottles {

    /** No route throttled: for stacks whose template sets no throttles. */
    public static final RouteThrottles NONE = new RouteThrottles(Map.of());

    private final Map<String, TokenBucket> buckets;
    private final Map<String, Throttle> settings;

    private RouteThrottles(Map<String, Throttle> settings, LongSupplier nanoClock) {
        this.settings = Map.copyOf(settings);
        Map<String, TokenBucket> all = new LinkedHashMap<>();
        settings.forEach((routeKey, throttle) -> all.put(routeKey, new TokenBucket(throttle, nanoClock)));
        this.buckets = Map.copyOf(all);
    }

    private RouteThrottles(Map<String, Throttle> settings) {
        this(settings, System::nanoTime);
    }

    /** The throttles {@code api} sets on each of {@code routes}. */
    public static RouteThrottles of(Optional<HttpApiDefinition> api, List<HttpRouteDefinition> routes) {
        if (api.isEmpty()) {
            return NONE;
        }
        Map<String, Throttle> settings = new LinkedHashMap<>();
        for (HttpRouteDefinition route : routes) {
            api.get().throttleFor(route.routeKey()).ifPresent(t -> settings.put(route.routeKey(), t));
        }
        return new RouteThrottles(settings);
    }

    /** The throttle of each throttled route, by route key. */
    public Map<String, Throttle> settings() {
        return settings;
    }

    /** False when the route's bucket is empty: API Gateway answers 429 without invoking anything. */
    boolean admit(String routeKey) {
        TokenBucket bucket = buckets.get(routeKey);
        return bucket == null || bucket.tryAcquire();
    }
}
