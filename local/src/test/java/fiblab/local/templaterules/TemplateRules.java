package fiblab.local.templaterules;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The promises template.yaml must keep, as a list of broken ones: least privilege, the visibility
 * timeout rule, partial batch responses, a dead-letter queue, SnapStart, and handlers that exist.
 */
final class TemplateRules {

    private final Map<String, Object> template;
    private final List<String> violations = new ArrayList<>();

    private TemplateRules(Map<String, Object> template) {
        this.template = template;
    }

    static List<String> violations(Map<String, Object> template) {
        TemplateRules rules = new TemplateRules(template);
        rules.check();
        return rules.violations;
    }

    private void check() {
        functions().forEach((name, function) -> {
            checkHandler(name, map(function.get("Properties")));
            checkPolicies(name, map(function.get("Properties")));
            checkSnapStart(name, map(function.get("Properties")));
        });
        functions()
                .forEach((name, function) -> map(map(function.get("Properties")).get("Events"))
                        .forEach((eventName, e) -> {
                            Map<String, Object> event = map(e);
                            if ("SQS".equals(event.get("Type"))) {
                                checkSqsEvent(name, map(function.get("Properties")), map(event.get("Properties")));
                            }
                        }));
    }

    private void checkHandler(String name, Map<String, Object> properties) {
        String handler = String.valueOf(properties.get("Handler"));
        String className = handler.split("::")[0];
        try {
            Class<?> type = Class.forName(className);
            if (!RequestHandler.class.isAssignableFrom(type)) {
                violations.add(name + ": handler class " + className + " is not a RequestHandler");
            }
            type.getConstructor();
        } catch (ClassNotFoundException missing) {
            violations.add(name + ": handler class " + className + " does not exist");
        } catch (NoSuchMethodException noDefaultConstructor) {
            violations.add(name + ": handler class " + className + " has no public no-argument constructor");
        }
    }

    private void checkPolicies(String name, Map<String, Object> properties) {
        for (Object policy : list(properties.get("Policies"))) {
            if (!(policy instanceof Map<?, ?>)) {
                violations.add(
                        name + ": policy " + policy + " is a managed or template policy; write statements instead");
                continue;
            }
            for (Object s : list(map(policy).get("Statement"))) {
                Map<String, Object> statement = map(s);
                for (Object action : listOrSingle(statement.get("Action"))) {
                    if (String.valueOf(action).contains("*")) {
                        violations.add(name + ": wildcard action " + action);
                    }
                }
                for (Object resource : listOrSingle(statement.get("Resource"))) {
                    if (resource instanceof String text && text.contains("*")) {
                        violations.add(name + ": wildcard resource " + text);
                    }
                }
            }
        }
    }

    private void checkSnapStart(String name, Map<String, Object> properties) {
        Object snapStart = firstNonNull(properties.get("SnapStart"), globals().get("SnapStart"));
        if (snapStart == null || !"PublishedVersions".equals(map(snapStart).get("ApplyOn"))) {
            violations.add(name + ": SnapStart ApplyOn PublishedVersions is missing");
        }
        if (firstNonNull(properties.get("AutoPublishAlias"), globals().get("AutoPublishAlias")) == null) {
            violations.add(name + ": AutoPublishAlias is missing, so no version would ever be published for SnapStart");
        }
    }

    private void checkSqsEvent(String name, Map<String, Object> function, Map<String, Object> event) {
        if (!list(event.get("FunctionResponseTypes")).contains("ReportBatchItemFailures")) {
            violations.add(name + ": SQS event without FunctionResponseTypes ReportBatchItemFailures");
        }
        String queueName =
                String.valueOf(list(map(event.get("Queue")).get("Fn::GetAtt")).get(0));
        Map<String, Object> queue = map(map(resources().get(queueName)).get("Properties"));
        int timeout = ((Number) firstNonNull(function.get("Timeout"), globals().get("Timeout"), 3)).intValue();
        int visibility = ((Number) firstNonNull(queue.get("VisibilityTimeout"), 30)).intValue();
        if (visibility < 6 * timeout) {
            violations.add(queueName + ": VisibilityTimeout " + visibility + " is under 6 x " + name + "'s Timeout "
                    + timeout);
        }
        Map<String, Object> redrive = map(queue.get("RedrivePolicy"));
        Object target = redrive.get("deadLetterTargetArn");
        String dlqName = target == null
                ? null
                : String.valueOf(list(map(target).get("Fn::GetAtt")).get(0));
        if (dlqName == null
                || !"AWS::SQS::Queue".equals(map(resources().get(dlqName)).get("Type"))) {
            violations.add(queueName + ": no RedrivePolicy to a dead-letter queue in this template");
        }
    }

    private Map<String, Map<String, Object>> functions() {
        Map<String, Map<String, Object>> functions = new java.util.LinkedHashMap<>();
        resources().forEach((name, resource) -> {
            if ("AWS::Serverless::Function".equals(map(resource).get("Type"))) {
                functions.put(name, map(resource));
            }
        });
        return functions;
    }

    private Map<String, Object> resources() {
        return map(template.get("Resources"));
    }

    private Map<String, Object> globals() {
        return map(map(template.get("Globals")).get("Function"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value instanceof List<?> l ? (List<Object>) l : List.of();
    }

    private static List<Object> listOrSingle(Object value) {
        return value instanceof List<?> ? list(value) : value == null ? List.of() : List.of(value);
    }

    private static Object firstNonNull(Object... values) {
        for (Object value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
