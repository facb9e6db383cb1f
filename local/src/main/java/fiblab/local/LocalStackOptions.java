package fiblab.local;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How to start a {@link LocalStack}.
 *
 * @param template the SAM template to run
 * @param port the gateway's port on 127.0.0.1; 0 = any free port
 * @param parameterOverrides template parameter values, as {@code sam deploy --parameter-overrides}
 * @param endpoint an SQS- and DynamoDB-compatible endpoint (LocalStack) to use instead of starting
 *                 ElasticMQ and dynalite
 * @param logFile where function logs and START/END/REPORT lines go; null = stdout
 * @param dataDir where the local servers keep their data across runs (dynalite's tables in
 *                {@code DIR/dynalite}, ElasticMQ's queues and messages in {@code DIR/elasticmq});
 *                null = a temporary table directory removed on close and queues in memory
 */
public record LocalStackOptions(
        Path template,
        int port,
        Map<String, String> parameterOverrides,
        Optional<URI> endpoint,
        Path logFile,
        Path dataDir) {

    /** {@code sam local start-api}'s port. */
    public static final int DEFAULT_PORT = 3000;

    public LocalStackOptions {
        if (template == null) {
            throw new IllegalArgumentException("template is required");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        parameterOverrides = Map.copyOf(parameterOverrides == null ? Map.of() : parameterOverrides);
        endpoint = endpoint == null ? Optional.empty() : endpoint;
    }

    /** Port 3000, the template's parameter defaults, local servers, logs on stdout. */
    public static LocalStackOptions defaults(Path template) {
        return new LocalStackOptions(template, DEFAULT_PORT, Map.of(), Optional.empty(), null, null);
    }

    public LocalStackOptions withPort(int newPort) {
        return new LocalStackOptions(template, newPort, parameterOverrides, endpoint, logFile, dataDir);
    }

    public LocalStackOptions withParameter(String name, String value) {
        Map<String, String> overrides = new LinkedHashMap<>(parameterOverrides);
        overrides.put(name, value);
        return new LocalStackOptions(template, port, overrides, endpoint, logFile, dataDir);
    }

    public LocalStackOptions withEndpoint(URI newEndpoint) {
        return new LocalStackOptions(template, port, parameterOverrides, Optional.of(newEndpoint), logFile, dataDir);
    }

    public LocalStackOptions withLogFile(Path newLogFile) {
        return new LocalStackOptions(template, port, parameterOverrides, endpoint, newLogFile, dataDir);
    }

    public LocalStackOptions withDataDir(Path newDataDir) {
        return new LocalStackOptions(template, port, parameterOverrides, endpoint, logFile, newDataDir);
    }
}
