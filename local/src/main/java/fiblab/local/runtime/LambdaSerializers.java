package fiblab.local.runtime;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JSON to typed event and typed response to JSON, chosen as the Lambda Java runtime chooses:
 * the library's event serializers for the event classes it supports (SQSEvent, ...), its
 * Jackson POJO serializer for the others (APIGatewayV2HTTPEvent, SQSBatchResponse, ...).
 */
public final class LambdaSerializers {

    private static final Map<Class<?>, PojoSerializer<Object>> CACHE = new ConcurrentHashMap<>();

    private LambdaSerializers() {}

    @SuppressWarnings("unchecked")
    public static PojoSerializer<Object> serializerFor(Class<?> type) {
        return CACHE.computeIfAbsent(type, t -> {
            if (LambdaEventSerializers.isLambdaSupportedEvent(t.getName())) {
                return (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(t, t.getClassLoader());
            }
            return (PojoSerializer<Object>) JacksonFactory.getInstance().getSerializer((java.lang.reflect.Type) t);
        });
    }

    public static Object fromJson(String json, Class<?> type) {
        if (type == String.class) {
            return json;
        }
        return serializerFor(type).fromJson(json);
    }

    public static String toJson(Object value, Class<?> declaredType) {
        if (value == null) {
            return "null";
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Class<?> type = declaredType == Object.class || declaredType == void.class ? value.getClass() : declaredType;
        serializerFor(type).toJson(value, out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
