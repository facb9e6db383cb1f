package fiblab.local;

import fiblab.local.servers.ServerStartException;
import fiblab.local.template.TemplateException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The one command: starts everything the template declares and serves until stopped. */
@Command(
        name = "fiblab-local",
        mixinStandardHelpOptions = true,
        description = "Runs what template.yaml declares on this machine, without Docker: ElasticMQ (SQS),"
                + " dynalite (DynamoDB), the HTTP API on 127.0.0.1 and the SQS event source mappings.")
public final class Main implements Callable<Integer> {

    @Option(names = "--template", description = "SAM template to run (default: ./template.yaml, else ../template.yaml)")
    Path template;

    @Option(
            names = "--port",
            defaultValue = "3000",
            description = "gateway port on 127.0.0.1; 0 = any free port (default: ${DEFAULT-VALUE})")
    int port;

    @Option(
            names = "--endpoint",
            description = "use this SQS/DynamoDB endpoint (LocalStack) instead of starting"
                    + " local servers; AWS_ENDPOINT_URL does the same")
    URI endpoint;

    @Option(
            names = "--parameter-overrides",
            split = "\\s+",
            splitSynopsisLabel = " ",
            paramLabel = "Key=Value",
            description = "template parameter values, as sam deploy takes them (repeatable)")
    List<String> parameterOverrides = List.of();

    @Option(names = "--log-file", description = "write function logs and START/END/REPORT lines here instead of stdout")
    Path logFile;

    @Option(
            names = "--data-dir",
            description = "keep the table (DIR/dynalite) and the queues with their messages (DIR/elasticmq,"
                    + " ElasticMQ's H2 message store) across runs")
    Path dataDir;

    @Option(
            names = "--log-level",
            description = "the functions' AWS_LAMBDA_LOG_LEVEL (TRACE, DEBUG, INFO, WARN, ERROR)")
    String logLevel;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Path file = template != null ? template : defaultTemplate();
        if (!Files.isRegularFile(file)) {
            System.err.println("fiblab-local: template " + file + " not found; pass --template PATH");
            return 2;
        }
        Map<String, String> overrides = new LinkedHashMap<>();
        for (String pair : parameterOverrides) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                System.err.println("fiblab-local: --parameter-overrides takes Key=Value, got '" + pair + "'");
                return 2;
            }
            overrides.put(pair.substring(0, equals).replace("ParameterKey=", ""), pair.substring(equals + 1));
        }
        if (logLevel != null) {
            System.setProperty(FunctionEnvironment.LOG_LEVEL_PROPERTY, logLevel);
        }
        LocalStackOptions options =
                new LocalStackOptions(file, port, overrides, Optional.ofNullable(endpoint), logFile, dataDir);
        LocalStack stack;
        try {
            stack = LocalStack.start(options);
        } catch (ServerStartException | TemplateException | IllegalStateException | IllegalArgumentException e) {
            System.err.println("fiblab-local: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            stack.close();
                            stopped.countDown();
                        },
                        "fiblab-local-shutdown"));
        System.out.println("fiblab local stack is up at " + stack.apiUrl() + " (Ctrl-C stops it)");
        stopped.await();
        return 0;
    }

    private static Path defaultTemplate() {
        Path here = Path.of("template.yaml");
        return Files.isRegularFile(here) ? here : Path.of("..", "template.yaml");
    }
}
