package fiblab.local.template;

import java.util.Map;
import java.util.Optional;

/**
 * An {@code AWS::Serverless::HttpApi}: the stage's throttles and whether its routes ask for IAM
 * authorization.
 *
 * @param defaultThrottle {@code DefaultRouteSettings}, if it throttles
 * @param routeThrottles {@code RouteSettings} that throttle, by route key ({@code "GET /fib/{n}"}, {@code "$default"})
 * @param iamRoutes route keys whose operation asks for AWS_IAM, with the parameters in force
 */
public record HttpApiDefinition(
        String logicalId,
        Optional<Throttle> defaultThrottle,
        Map<String, Throttle> routeThrottles,
        java.util.List<String> iamRoutes) {

    /** The throttle API Gateway applies to a route: its own settings, else the stage default, else none. */
    public Optional<Throttle> throttleFor(String routeKey) {
        return Optional.ofNullable(routeThrottles.get(routeKey)).or(() -> defaultThrottle);
    }
}
