package fiblab.bench.stack;

import fiblab.local.DeployLimits;
import fiblab.local.LocalStack;
import fiblab.local.LocalStackOptions;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The whole stack started in this JVM from template.yaml by fiblab-local's {@link LocalStack}:
 * ElasticMQ, dynalite, the gateway on a free loopback port, and the functions with their pollers.
 */
public final class LocalTarget implements Target {

    /** fiblab-local looks here for dynalite's installation when it is not next to the working directory. */
    static final String DYNALITE_DIR_PROPERTY = "fiblab.dynalite.dir";

    /** Beside the stack's own log: what the functions print to standard output (their JSON logs, EMF metrics). */
    public static final String FUNCTION_OUTPUT_LOG = "local-functions.log";

    private final LocalStack stack;
    private final PrintStream originalOut;
    private final PrintStream functionOutput;
    private final Map<String, String> overrides;

    private LocalTarget(
            LocalStack stack, PrintStream originalOut, PrintStream functionOutput, Map<String, String> overrides) {
        this.stack = stack;
        this.overrides = Map.copyOf(overrides);
        this.originalOut = originalOut;
        this.functionOutput = functionOutput;
    }

    /**
     * @param logFile where the stack's log goes; the functions' standard output goes to
     *                {@value #FUNCTION_OUTPUT_LOG} beside it, so that the benchmark's own output stays
     *                readable (standard output is one per JVM, and the functions run in this one)
     */
    public static Target start(Path template, Map<String, String> overrides, Path logFile) throws Exception {
        Path dynalite = template.toAbsolutePath().getParent().resolve("local/dynalite");
        if (System.getProperty(DYNALITE_DIR_PROPERTY) == null && Files.isDirectory(dynalite)) {
            System.setProperty(DYNALITE_DIR_PROPERTY, dynalite.toString());
        }
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        LocalStackOptions options =
                LocalStackOptions.defaults(template).withPort(0).withLogFile(logFile);
        for (Map.Entry<String, String> override : overrides.entrySet()) {
            options = options.withParameter(override.getKey(), override.getValue());
        }
        // The benchmark measures the application, not the deployed stack's spend limits (stage
        // throttles, reserved concurrency): those are lifted unless -P sets them.
        options = DeployLimits.lift(options);
        PrintStream originalOut = System.out;
        PrintStream functionOutput = new PrintStream(
                Files.newOutputStream(logFile.resolveSibling(FUNCTION_OUTPUT_LOG)), true, StandardCharsets.UTF_8);
        System.setOut(functionOutput);
        try {
            return new LocalTarget(LocalStack.start(options), originalOut, functionOutput, overrides);
        } catch (Exception | Error e) {
            System.setOut(originalOut);
            functionOutput.close();
            throw e;
        }
    }

    /** The running stack: the cold-start benchmark reads the functions' environments and servers from it. */
    public LocalStack stack() {
        return stack;
    }

    @Override
    public URI apiUrl() {
        return stack.apiUrl();
    }

    @Override
    public String kind() {
        return "local";
    }

    @Override
    public String description() {
        return "the local stack (fiblab-local: template.yaml on this machine, ElasticMQ + dynalite, functions in the "
                + "benchmark's JVM) at " + apiUrl();
    }

    /**
     * The parameter overrides the user gave ({@code -P}), without the deploy limits the stack lifted for
     * benchmarking: with the template's defaults, what a deploy of this configuration would run with.
     */
    public Map<String, String> overrides() {
        return overrides;
    }

    @Override
    public Map<String, String> parameters() {
        return stack.parameters();
    }

    @Override
    public void close() {
        try {
            stack.close();
        } finally {
            System.setOut(originalOut);
            functionOutput.close();
        }
    }
}
