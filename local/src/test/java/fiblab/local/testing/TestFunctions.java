package fiblab.local.testing;

import fiblab.local.log.LogSink;
import fiblab.local.runtime.FunctionConfiguration;
import fiblab.local.runtime.HandlerReference;
import fiblab.local.runtime.LambdaFunction;
import java.time.Duration;
import java.util.Map;

/**
 * Hosts one of the test handlers as a {@link LambdaFunction}, the way the template would declare it.
 * (No serializer warm-up here: {@link LambdaFunction} prepares its serializers on creation, so a
 * timed-out first invocation cannot stop a thread inside their static initialisers.)
 */
public final class TestFunctions {

    private TestFunctions() {}

    /**
     * @param handler a handler class such as {@link EchoHandler}; the function is named after it,
     *     without "Handler" ({@code Echo}), with an ARN in account 0
     */
    public static LambdaFunction host(
            Class<?> handler,
            Duration timeout,
            int memoryMb,
            int concurrency,
            Map<String, String> environment,
            LogSink sink) {
        String name = handler.getSimpleName().replace("Handler", "");
        FunctionConfiguration configuration = new FunctionConfiguration(
                name,
                "arn:aws:lambda:us-east-1:0:function:" + name,
                handler.getName() + "::handleRequest",
                timeout,
                memoryMb,
                concurrency,
                environment);
        return new LambdaFunction(
                configuration, HandlerReference.resolve(configuration.handler(), handler.getClassLoader()), sink);
    }
}
