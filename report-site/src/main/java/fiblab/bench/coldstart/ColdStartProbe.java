package fiblab.bench.coldstart;

import com.amazonaws.services.lambda.runtime.Context;
import fiblab.local.log.LogSink;
import fiblab.local.runtime.FunctionConfiguration;
import fiblab.local.runtime.HandlerReference;
import fiblab.local.runtime.LambdaSerializers;
import fiblab.local.runtime.LocalLambdaContext;
import fiblab.local.runtime.LocalLambdaLogger;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * One cold start, in a brand-new JVM (the harness starts one per sample): loads and constructs the
 * handler as Lambda does (its no-argument constructor reads the real environment), optionally runs
 * the SnapStart hooks as SnapStart would before its snapshot, then invokes it twice with events
 * turned into typed events by the Lambda runtime's serializers. Prints one line, {@value #MARKER}
 * followed by a flat JSON object, and exits.
 *
 * <p>It deliberately uses nothing the functions use before the handler is built (no JSON library,
 * no SDK): whatever the handler loads, it loads itself. One top-level class, so the harness can
 * copy it out of any jar.
 *
 * <p>Arguments: {@code <handler> <prime: true|false> <first event file> <second event file> <timeout ms>};
 * each invocation gets a Lambda context whose time left counts down from the function's timeout.
 */
public final class ColdStartProbe {

    /** Starts the result line on standard output (the functions log to it too). */
    public static final String MARKER = "FIBLAB-COLDSTART ";

    /** Time the last {@link #invoke} spent turning the event's JSON into the typed event (the runtime's share). */
    private static long lastDeserializeNanos;

    private ColdStartProbe() {}

    public static void main(String[] args) throws Throwable {
        long mainAtMillis = System.currentTimeMillis();
        var runtime = ManagementFactory.getRuntimeMXBean();
        var classes = ManagementFactory.getClassLoadingMXBean();
        long jvmStartMillis = runtime.getStartTime();
        long classesAtMain = classes.getTotalLoadedClassCount();
        if (args.length != 5) {
            System.err.println("usage: ColdStartProbe <handler> <prime: true|false> <first event file>"
                    + " <second event file> <timeout ms>");
            System.exit(2);
        }
        Duration timeout = Duration.ofMillis(Long.parseLong(args[4]));
        boolean prime = Boolean.parseBoolean(args[1]);
        String first = Files.readString(Path.of(args[2]), StandardCharsets.UTF_8);
        String second = Files.readString(Path.of(args[3]), StandardCharsets.UTF_8);

        long t0 = System.nanoTime();
        HandlerReference reference = HandlerReference.resolve(args[0], ColdStartProbe.class.getClassLoader());
        Object handler = reference.handlerClass().getDeclaredConstructor().newInstance();
        long initNanos = System.nanoTime() - t0;
        long classesAfterInit = classes.getTotalLoadedClassCount();

        long primeNanos = 0;
        if (prime) {
            long p0 = System.nanoTime();
            // what SnapStart runs before its snapshot: the handler's hooks, which run its adapters' first
            org.crac.Resource hooks = (org.crac.Resource) handler;
            hooks.beforeCheckpoint(null);
            hooks.afterRestore(null);
            primeNanos = System.nanoTime() - p0;
        }
        long classesAfterPriming = classes.getTotalLoadedClassCount();

        long i0 = System.nanoTime();
        FunctionConfiguration function = function(args[0], timeout, System.getenv());
        String firstResponse = invoke(reference, handler, first, function);
        long firstNanos = System.nanoTime() - i0;
        long firstDeserializeNanos = lastDeserializeNanos;
        long firstDoneMillis = System.currentTimeMillis();
        long classesAfterFirst = classes.getTotalLoadedClassCount();

        long w0 = System.nanoTime();
        String secondResponse = invoke(reference, handler, second, function);
        long secondNanos = System.nanoTime() - w0;
        long classesAfterSecond = classes.getTotalLoadedClassCount();

        StringBuilder line = new StringBuilder(MARKER).append('{');
        field(line, "pid", ProcessHandle.current().pid());
        field(line, "jvmStartEpochMillis", jvmStartMillis);
        field(line, "jvmToMainMillis", mainAtMillis - jvmStartMillis);
        field(line, "initMillis", initNanos / 1e6);
        field(line, "primingMillis", primeNanos / 1e6);
        field(line, "firstInvokeMillis", firstNanos / 1e6);
        field(line, "firstDeserializeMillis", firstDeserializeNanos / 1e6);
        field(line, "secondInvokeMillis", secondNanos / 1e6);
        field(line, "jvmStartToFirstResponseMillis", firstDoneMillis - jvmStartMillis);
        field(line, "classesAtMain", classesAtMain);
        field(line, "classesAfterInit", classesAfterInit);
        field(line, "classesAfterPriming", classesAfterPriming);
        field(line, "classesAfterFirstInvoke", classesAfterFirst);
        field(line, "classesAfterSecondInvoke", classesAfterSecond);
        text(line, "javaVersion", System.getProperty("java.runtime.version"));
        text(line, "firstResponse", firstResponse);
        text(line, "secondResponse", secondResponse);
        line.setLength(line.length() - 1);
        System.out.println(line.append('}'));
        System.out.flush();
        // the SDK's or the CRT's threads must not keep the sample alive
        System.exit(0);
    }

    /** What the Lambda runtime does per invocation: JSON to typed event, the handler, typed response to JSON. */
    private static String invoke(
            HandlerReference reference, Object handler, String eventJson, FunctionConfiguration function)
            throws Exception {
        long d0 = System.nanoTime();
        Object event = LambdaSerializers.fromJson(eventJson, reference.inputType());
        lastDeserializeNanos = System.nanoTime() - d0;
        Context context = new LocalLambdaContext(
                UUID.randomUUID().toString(),
                function,
                System.nanoTime() + function.timeout().toNanos(),
                new LocalLambdaLogger(
                        LogSink.stdout(),
                        function.functionName(),
                        LocalLambdaLogger.parse(function.environment().get("AWS_LAMBDA_LOG_LEVEL"))));
        Object response = reference.method().invoke(handler, event, context);
        return LambdaSerializers.toJson(response, reference.outputType());
    }

    /** The function as its environment names it (Lambda sets these variables; so does the harness). */
    private static FunctionConfiguration function(String handler, Duration timeout, Map<String, String> env) {
        String name = env.getOrDefault("AWS_LAMBDA_FUNCTION_NAME", "probe");
        String region = env.getOrDefault("AWS_REGION", "us-east-1");
        int memory = Integer.parseInt(env.getOrDefault("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1769"));
        return new FunctionConfiguration(
                name, "arn:aws:lambda:" + region + ":000000000000:function:" + name, handler, timeout, memory, 1, env);
    }

    private static void field(StringBuilder line, String name, Number value) {
        line.append('"').append(name).append("\":").append(value).append(',');
    }

    private static void text(StringBuilder line, String name, String value) {
        line.append('"').append(name).append("\":\"");
        String shortened = value.length() > 300 ? value.substring(0, 300) : value;
        for (char c : shortened.toCharArray()) {
            if (c == '"' || c == '\\') {
                line.append('\\').append(c);
            } else if (c < 0x20) {
                line.append(' ');
            } else {
                line.append(c);
            }
        }
        line.append("\",");
    }
}
