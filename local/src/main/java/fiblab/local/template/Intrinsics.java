package fiblab.local.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Evaluates CloudFormation intrinsic functions ({@code Ref}, {@code Fn::GetAtt}, {@code Fn::Sub}, ...). */
public final class Intrinsics {

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]+)}");

    private Intrinsics() {}

    /** Resolves every intrinsic inside {@code node}; scalars come back as they are. */
    public static Object resolve(Object node, ReferenceResolver resolver) {
        if (node instanceof Map<?, ?> map) {
            if (map.size() == 1) {
                String key = String.valueOf(map.keySet().iterator().next());
                Object argument = map.values().iterator().next();
                if (key.equals("Ref") || key.startsWith("Fn::")) {
                    return function(key, argument, resolver);
                }
            }
            Map<String, Object> resolved = new LinkedHashMap<>();
            map.forEach((k, v) -> resolved.put(String.valueOf(k), resolve(v, resolver)));
            return resolved;
        }
        if (node instanceof List<?> list) {
            List<Object> resolved = new ArrayList<>();
            list.forEach(item -> resolved.add(resolve(item, resolver)));
            return resolved;
        }
        return node;
    }

    /** Resolves {@code node} to a string, as CloudFormation passes every environment variable. */
    public static String resolveString(Object node, ReferenceResolver resolver) {
        Object value = resolve(node, resolver);
        return value == null ? null : String.valueOf(value);
    }

    /** The logical id that {@code !Ref X} or {@code !GetAtt X.Attr} points at, if {@code node} is one. */
    public static java.util.Optional<String> referencedLogicalId(Object node) {
        if (node instanceof Map<?, ?> map && map.size() == 1) {
            Object argument = map.values().iterator().next();
            if (map.containsKey("Ref")) {
                return java.util.Optional.of(String.valueOf(argument));
            }
            if (map.containsKey("Fn::GetAtt") && argument instanceof List<?> parts && !parts.isEmpty()) {
                return java.util.Optional.of(String.valueOf(parts.get(0)));
            }
        }
        return java.util.Optional.empty();
    }

    private static Object function(String name, Object argument, ReferenceResolver resolver) {
        switch (name) {
            case "Ref":
                return resolver.ref(String.valueOf(resolve(argument, resolver)));
            case "Fn::GetAtt": {
                List<?> parts = argument instanceof List<?> l
                        ? l
                        : List.of(String.valueOf(argument).split("\\.", 2));
                return resolver.getAtt(String.valueOf(parts.get(0)), String.valueOf(resolve(parts.get(1), resolver)));
            }
            case "Fn::Sub":
                return sub(argument, resolver);
            case "Fn::Join": {
                List<?> args = (List<?>) argument;
                List<String> items = new ArrayList<>();
                for (Object item : (List<?>) resolve(args.get(1), resolver)) {
                    items.add(String.valueOf(item));
                }
                return String.join(String.valueOf(args.get(0)), items);
            }
            case "Fn::Select": {
                List<?> args = (List<?>) argument;
                int index = Integer.parseInt(String.valueOf(resolve(args.get(0), resolver)));
                return ((List<?>) resolve(args.get(1), resolver)).get(index);
            }
            case "Fn::Split": {
                List<?> args = (List<?>) argument;
                String text = String.valueOf(resolve(args.get(1), resolver));
                return List.of(text.split(Pattern.quote(String.valueOf(args.get(0))), -1));
            }
            default:
                throw new TemplateException(name + " is not supported by the local stack");
        }
    }

    private static String sub(Object argument, ReferenceResolver resolver) {
        String text;
        Map<?, ?> variables = Map.of();
        if (argument instanceof List<?> args) {
            text = String.valueOf(args.get(0));
            variables = (Map<?, ?>) args.get(1);
        } else {
            text = String.valueOf(argument);
        }
        Matcher matcher = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String variable = matcher.group(1);
            String value;
            if (variable.startsWith("!")) {
                value = "${" + variable.substring(1) + "}";
            } else if (variables.containsKey(variable)) {
                value = String.valueOf(resolve(variables.get(variable), resolver));
            } else if (variable.contains(".") && !variable.startsWith("AWS::")) {
                String[] parts = variable.split("\\.", 2);
                value = resolver.getAtt(parts[0], parts[1]);
            } else {
                value = resolver.ref(variable);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
