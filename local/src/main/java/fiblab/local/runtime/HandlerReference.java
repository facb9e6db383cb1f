package fiblab.local.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;

/**
 * A template {@code Handler} string ({@code package.Class::method}) resolved to the class, the
 * handler method and its event and response types, as the Java runtime resolves it.
 */
public record HandlerReference(
        Class<?> handlerClass,
        Method method,
        Class<?> inputType,
        Class<?> outputType,
        Constructor<?> environmentConstructor) {

    /** Loads the handler class and checks it can be hosted; the message says what is wrong. */
    public static HandlerReference resolve(String handler, ClassLoader loader) {
        String[] parts = handler.split("::", 2);
        String className = parts[0];
        String methodName = parts.length > 1 ? parts[1] : "handleRequest";
        Class<?> type;
        try {
            type = Class.forName(className, false, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Handler " + handler + ": class " + className
                    + " is not on the classpath (build the functions module: mvn -pl functions package)");
        }
        Method method = Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals(methodName)
                        && m.getParameterCount() == 2
                        && m.getParameterTypes()[1] == Context.class
                        && !Modifier.isStatic(m.getModifiers()))
                // the typed method, not the compiler's bridge handleRequest(Object, Context)
                .sorted(Comparator.comparing(Method::isBridge))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Handler " + handler + ": no public method " + methodName
                        + "(EVENT, Context) in " + className));
        Constructor<?> constructor;
        try {
            constructor = type.getConstructor(Map.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("Handler " + handler + ": " + className
                    + " needs a public constructor taking Map<String,String> environment, through which the local"
                    + " stack passes the function's environment from the template");
        }
        return new HandlerReference(type, method, method.getParameterTypes()[0], method.getReturnType(), constructor);
    }
}
