package fiblab.bench.stack;

import com.fasterxml.jackson.jr.ob.JSON;
import fiblab.local.servers.BoundedCommand;
import fiblab.local.servers.BoundedCommand.CommandTimeoutException;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds a deployed stack's API URL (output {@code ApiUrl}) and parameters through the AWS CLI's
 * {@code aws cloudformation describe-stacks}, which uses the caller's usual AWS credentials.
 */
public final class StackOutputs {

    static final String HOW_TO_USE_URL =
            "Pass the API URL instead: --url https://<api-id>.execute-api.<region>.amazonaws.com "
                    + "(the ApiUrl output of `sam deploy`).";

    private static final Duration DESCRIBE_TIMEOUT = Duration.ofSeconds(60);

    private StackOutputs() {}

    public static UrlTarget resolve(String stackName, String region) {
        String json = describe(stackName, region);
        return parse(stackName, json);
    }

    /** Reads the describe-stacks JSON; public for tests. */
    public static UrlTarget parse(String stackName, String describeStacksJson) {
        Map<String, Object> root;
        try {
            root = JSON.std.mapFrom(describeStacksJson);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "aws cloudformation describe-stacks printed no JSON for stack " + stackName, e);
        }
        List<?> stacks = root.get("Stacks") instanceof List<?> list ? list : List.of();
        if (stacks.isEmpty()) {
            throw new IllegalStateException("Stack " + stackName + " was not found. " + HOW_TO_USE_URL);
        }
        Map<?, ?> stack = (Map<?, ?>) stacks.get(0);
        Map<String, String> outputs = pairs(stack.get("Outputs"), "OutputKey", "OutputValue");
        Map<String, String> parameters = pairs(stack.get("Parameters"), "ParameterKey", "ParameterValue");
        String apiUrl = outputs.get("ApiUrl");
        if (apiUrl == null || apiUrl.isBlank()) {
            throw new IllegalStateException("Stack " + stackName + " has no ApiUrl output. " + HOW_TO_USE_URL);
        }
        return new UrlTarget(
                URI.create(apiUrl), "stack", "the deployed stack " + stackName + " at " + apiUrl, parameters);
    }

    private static Map<String, String> pairs(Object list, String keyField, String valueField) {
        Map<String, String> map = new TreeMap<>();
        if (list instanceof List<?> entries) {
            for (Object entry : entries) {
                if (entry instanceof Map<?, ?> pair && pair.get(keyField) != null) {
                    map.put(String.valueOf(pair.get(keyField)), String.valueOf(pair.get(valueField)));
                }
            }
        }
        return map;
    }

    private static String describe(String stackName, String region) {
        List<String> command = new java.util.ArrayList<>(
                List.of("aws", "cloudformation", "describe-stacks", "--stack-name", stackName, "--output", "json"));
        if (region != null) {
            command.addAll(List.of("--region", region));
        }
        BoundedCommand.Result result;
        try {
            result = BoundedCommand.run(
                    "aws cloudformation describe-stacks", new ProcessBuilder(command), DESCRIBE_TIMEOUT);
        } catch (CommandTimeoutException e) {
            throw new IllegalStateException(e.getMessage() + ". " + HOW_TO_USE_URL, e);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "--stack-name needs the AWS CLI (`aws`) on the PATH, and it was not found. " + HOW_TO_USE_URL, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the AWS CLI", e);
        }
        if (!result.succeeded()) {
            throw new IllegalStateException("aws cloudformation describe-stacks failed for stack " + stackName + ": "
                    + result.stderr().trim().replaceAll("\\.+$", "") + ". " + HOW_TO_USE_URL);
        }
        return result.stdout();
    }
}
