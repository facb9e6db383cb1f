package fiblab.local.runtime;

import java.time.Duration;
import java.util.Map;

/**
 * One function as the local runtime runs it: identity, limits and the resolved environment its
 * handler is constructed with.
 *
 * @param concurrency how many instances (execution environments) may run at once
 */
public record FunctionConfiguration(
        String functionName,
        String functionArn,
        String handler,
        Duration timeout,
        int memorySizeMb,
        int concurrency,
        Map<String, String> environment) {

    public FunctionConfiguration {
        environment = Map.copyOf(environment);
    }
}
