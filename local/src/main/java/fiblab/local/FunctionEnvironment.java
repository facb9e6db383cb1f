package fiblab.local;

import fiblab.local.aws.AwsEndpoints;
import fiblab.local.template.FunctionDefinition;
import fiblab.local.template.Intrinsics;
import fiblab.local.template.ReferenceResolver;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment a function's handler is constructed with: the template's variables
 * ({@code Globals} merged, intrinsics resolved against what was provisioned) plus the variables
 * Lambda itself sets, pointing the SDK at the stack's endpoints.
 */
final class FunctionEnvironment {

    /** Overrides the functions' {@code AWS_LAMBDA_LOG_LEVEL} (for example WARN to quiet a benchmark). */
    static final String LOG_LEVEL_PROPERTY = "fiblab.local.logLevel";

    private FunctionEnvironment() {}

    static Map<String, String> of(
            FunctionDefinition function, ReferenceResolver resources, AwsEndpoints endpoints, boolean singleEndpoint) {
        Map<String, String> environment = new LinkedHashMap<>();
        function.environment()
                .forEach((name, value) -> environment.put(name, Intrinsics.resolveString(value, resources)));
        environment.put("AWS_REGION", endpoints.region());
        environment.put("AWS_DEFAULT_REGION", endpoints.region());
        if (singleEndpoint) {
            environment.put("AWS_ENDPOINT_URL", endpoints.sqs().toString());
        }
        environment.put("AWS_ENDPOINT_URL_SQS", endpoints.sqs().toString());
        environment.put("AWS_ENDPOINT_URL_DYNAMODB", endpoints.dynamoDb().toString());
        environment.put("AWS_ACCESS_KEY_ID", AwsEndpoints.ACCESS_KEY_ID);
        environment.put("AWS_SECRET_ACCESS_KEY", AwsEndpoints.SECRET_ACCESS_KEY);
        environment.put("AWS_LAMBDA_FUNCTION_NAME", function.functionName());
        environment.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(function.memorySizeMb()));
        environment.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        environment.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + function.functionName());
        environment.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + function.runtime());
        String level = System.getProperty(LOG_LEVEL_PROPERTY);
        if (level == null || level.isBlank()) {
            level = function.logLevel() == null ? "INFO" : function.logLevel();
        }
        environment.put("AWS_LAMBDA_LOG_LEVEL", level.toUpperCase());
        return environment;
    }
}
