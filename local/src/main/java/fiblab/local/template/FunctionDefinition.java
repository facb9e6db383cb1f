package fiblab.local.template;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * An {@code AWS::Serverless::Function} with {@code Globals.Function} merged in.
 *
 * @param environment the merged {@code Environment.Variables}, values still unresolved (intrinsics)
 */
public record FunctionDefinition(
        String logicalId,
        String functionName,
        String handler,
        String runtime,
        int timeoutSeconds,
        int memorySizeMb,
        OptionalInt reservedConcurrency,
        Map<String, Object> environment,
        String logLevel,
        List<HttpRouteDefinition> httpRoutes,
        List<SqsEventSourceDefinition> sqsEvents) {}
