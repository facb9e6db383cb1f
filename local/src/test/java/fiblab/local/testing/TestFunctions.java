package fiblab.local.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import fiblab.local.log.LogSink;
import fiblab.local.runtime.FunctionConfiguration;
import fiblab.local.runtime.HandlerReference;
import fiblab.local.runtime.LambdaFunction;
import fiblab.local.runtime.LambdaSerializers;
import java.time.Duration;
import java.util.Map;

/** Hosts one of the test handlers as a {@link LambdaFunction}, the way the template would declare it. */
public final class TestFunctions {

    /*
     * Loads the Lambda runtime's serializers before any timed invocation: on a loaded machine their
     * first use took longer than a test function's timeout, and a timeout that stops the thread in the
     * middle of a class's static init leaves that class unusable for every later test in the JVM (seen
     * when HttpGatewayIT, which had no such warm-up, ran first in failsafe's JVM: its 500 ms function
     * timed out in JacksonFactory's init, and every later IT's function answered NoClassDefFoundError).
     */
    static {
        Object event = LambdaSerializers.fromJson("{\"rawPath\":\"/\"}", APIGatewayV2HTTPEvent.class);
        LambdaSerializers.toJson(event, APIGatewayV2HTTPEvent.class);
    }

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
