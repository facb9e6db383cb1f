package fiblab.local.template;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The parts of a SAM template that the local stack runs: parameters (defaults and overrides),
 * functions with {@code Globals} merged, their HTTP API and SQS events, queues and tables.
 * What it reads here it reads nowhere else; what it cannot emulate it lists in {@link #limitations()}.
 */
public final class SamTemplate {

    private static final String FUNCTION = "AWS::Serverless::Function";
    private static final String QUEUE = "AWS::SQS::Queue";
    private static final String TABLE = "AWS::DynamoDB::Table";
    private static final String HTTP_API = "AWS::Serverless::HttpApi";
    private static final Set<String> EMULATED = Set.of(FUNCTION, QUEUE, TABLE, HTTP_API);

    private static final Map<String, String> QUEUE_ATTRIBUTES = Map.of(
            "VisibilityTimeout", "VisibilityTimeout",
            "MessageRetentionPeriod", "MessageRetentionPeriod",
            "DelaySeconds", "DelaySeconds",
            "MaximumMessageSize", "MaximumMessageSize",
            "ReceiveMessageWaitTimeSeconds", "ReceiveMessageWaitTimeSeconds",
            "FifoQueue", "FifoQueue",
            "ContentBasedDeduplication", "ContentBasedDeduplication");

    private final Path path;
    private final Map<String, Object> resources;
    private final Map<String, ParameterDefinition> parameterDefinitions;
    private final Map<String, String> parameters;
    private final List<FunctionDefinition> functions = new ArrayList<>();
    private final List<QueueDefinition> queues = new ArrayList<>();
    private final List<TableDefinition> tables = new ArrayList<>();
    private final List<HttpApiDefinition> httpApis = new ArrayList<>();
    private final Map<String, Object> conditions;
    private final List<String> limitations = new ArrayList<>();

    private SamTemplate(Path path, Map<String, Object> document, Map<String, String> overrides) {
        this.path = path;
        this.resources = map(document.get("Resources"));
        this.parameterDefinitions = parameterDefinitions(map(document.get("Parameters")));
        this.parameters = resolveParameters(overrides);
        this.conditions = map(document.get("Conditions"));
        Map<String, Object> globals = map(map(document.get("Globals")).get("Function"));
        resources.forEach((id, value) -> {
            Map<String, Object> resource = map(value);
            String type = String.valueOf(resource.get("Type"));
            Map<String, Object> properties = map(resource.get("Properties"));
            switch (type) {
                case FUNCTION -> functions.add(function(id, properties, globals));
                case QUEUE -> queues.add(queue(id, properties));
                case TABLE -> tables.add(table(id, properties));
                case HTTP_API -> httpApis.add(httpApi(id, properties));
                default -> {
                    if (!EMULATED.contains(type)) {
                        limitations.add(id + " (" + type + ") is not emulated: the local stack does not create it");
                    }
                }
            }
        });
        noteFunctionLimitations(globals);
    }

    /** Reads {@code file}, applying parameter overrides as {@code sam deploy --parameter-overrides} would. */
    public static SamTemplate load(Path file, Map<String, String> parameterOverrides) {
        Map<String, Object> document;
        try {
            document = CloudFormationYaml.read(file);
        } catch (IOException e) {
            throw new TemplateException("cannot read template " + file + ": " + e.getMessage());
        } catch (RuntimeException e) {
            if (e instanceof TemplateException) {
                throw e;
            }
            throw new TemplateException("template " + file + " is not valid YAML: " + e.getMessage());
        }
        return new SamTemplate(file, document, parameterOverrides);
    }

    public Path path() {
        return path;
    }

    /** Parameter values in force: the template's defaults with the overrides applied. */
    public Map<String, String> parameters() {
        return parameters;
    }

    public List<FunctionDefinition> functions() {
        return List.copyOf(functions);
    }

    public List<QueueDefinition> queues() {
        return List.copyOf(queues);
    }

    public List<TableDefinition> tables() {
        return List.copyOf(tables);
    }

    /** The template's HTTP APIs (the implicit one of events without ApiId is not listed). */
    public List<HttpApiDefinition> httpApis() {
        return List.copyOf(httpApis);
    }

    /** The resource type of a logical id, or empty if the template has no such resource. */
    public Optional<String> resourceType(String logicalId) {
        return Optional.ofNullable(resources.get(logicalId)).map(r -> String.valueOf(map(r).get("Type")));
    }

    /** One line for each thing the template declares that the local stack does not emulate. */
    public List<String> limitations() {
        return List.copyOf(limitations);
    }

    private Map<String, ParameterDefinition> parameterDefinitions(Map<String, Object> declared) {
        Map<String, ParameterDefinition> definitions = new LinkedHashMap<>();
        declared.forEach((name, value) -> {
            Map<String, Object> p = map(value);
            List<String> allowed = new ArrayList<>();
            if (p.get("AllowedValues") instanceof List<?> values) {
                values.forEach(v -> allowed.add(String.valueOf(v)));
            }
            definitions.put(
                    name,
                    new ParameterDefinition(
                            name,
                            String.valueOf(p.getOrDefault("Type", "String")),
                            Optional.ofNullable(p.get("Default")).map(String::valueOf),
                            Optional.ofNullable(p.get("MinValue")).map(v -> new BigDecimal(String.valueOf(v))),
                            Optional.ofNullable(p.get("MaxValue")).map(v -> new BigDecimal(String.valueOf(v))),
                            allowed));
        });
        return definitions;
    }

    private Map<String, String> resolveParameters(Map<String, String> overrides) {
        overrides.keySet().forEach(name -> {
            if (!parameterDefinitions.containsKey(name)) {
                throw new TemplateException(
                        "unknown parameter " + name + "; the template declares " + parameterDefinitions.keySet());
            }
        });
        Map<String, String> values = new LinkedHashMap<>();
        parameterDefinitions.forEach((name, definition) -> {
            String value = overrides.containsKey(name)
                    ? overrides.get(name)
                    : definition
                            .defaultValue()
                            .orElseThrow(() -> new TemplateException("parameter " + name
                                    + " has no Default: pass --parameter-overrides " + name + "=VALUE"));
            values.put(name, definition.validate(value));
        });
        return java.util.Collections.unmodifiableMap(values);
    }

    /** Resolves only parameters and pseudo parameters: enough for sizes, timeouts and names. */
    private final ReferenceResolver parameterResolver = new ReferenceResolver() {
        @Override
        public String ref(String name) {
            if (parameters.containsKey(name)) {
                return parameters.get(name);
            }
            throw new TemplateException("!Ref " + name + " cannot be used here (only parameters can)");
        }

        @Override
        public String getAtt(String logicalId, String attribute) {
            throw new TemplateException("!GetAtt " + logicalId + "." + attribute + " cannot be used here");
        }
    };

    private FunctionDefinition function(String id, Map<String, Object> own, Map<String, Object> globals) {
        Map<String, Object> merged = new LinkedHashMap<>(globals);
        merged.putAll(own);
        Map<String, Object> environment =
                new LinkedHashMap<>(map(map(globals.get("Environment")).get("Variables")));
        environment.putAll(map(map(own.get("Environment")).get("Variables")));
        String handler = string(merged.get("Handler"));
        if (handler == null) {
            throw new TemplateException(id + " has no Handler");
        }
        String logLevel = Optional.ofNullable(map(merged.get("LoggingConfig")).get("ApplicationLogLevel"))
                .map(v -> string(v))
                .orElse(null);
        List<HttpRouteDefinition> routes = new ArrayList<>();
        List<SqsEventSourceDefinition> sqsEvents = new ArrayList<>();
        map(own.get("Events")).forEach((eventName, value) -> {
            Map<String, Object> event = map(value);
            String type = String.valueOf(event.get("Type"));
            Map<String, Object> properties = map(event.get("Properties"));
            switch (type) {
                case "HttpApi" -> routes.add(route(eventName, properties));
                case "SQS" -> sqsEvents.add(sqsEvent(id, eventName, properties));
                default ->
                    limitations.add(id + " event " + eventName + " (" + type
                            + ") is not emulated: nothing will invoke the function for it");
            }
        });
        String name = merged.containsKey("FunctionName") ? string(merged.get("FunctionName")) : id;
        OptionalInt reserved = merged.containsKey("ReservedConcurrentExecutions")
                ? OptionalInt.of(integer(merged.get("ReservedConcurrentExecutions")))
                : OptionalInt.empty();
        return new FunctionDefinition(
                id,
                name,
                handler,
                string(merged.getOrDefault("Runtime", "java21")),
                integer(merged.getOrDefault("Timeout", 3)),
                integer(merged.getOrDefault("MemorySize", 128)),
                reserved,
                Map.copyOf(environment),
                logLevel,
                List.copyOf(routes),
                List.copyOf(sqsEvents));
    }

    private HttpRouteDefinition route(String eventName, Map<String, Object> properties) {
        String path =
                properties.containsKey("Path") ? string(properties.get("Path")) : HttpRouteDefinition.DEFAULT_ROUTE;
        String method = properties.containsKey("Method")
                ? string(properties.get("Method")).toUpperCase()
                : "ANY";
        if (method.equals("*")) {
            method = "ANY";
        }
        return new HttpRouteDefinition(eventName, method, path);
    }

    private SqsEventSourceDefinition sqsEvent(String functionId, String eventName, Map<String, Object> properties) {
        Object queue = properties.get("Queue");
        String queueId = Intrinsics.referencedLogicalId(queue)
                .orElseThrow(() -> new TemplateException(functionId + " event " + eventName
                        + ": Queue must be !GetAtt QUEUE.Arn of a queue in this template"));
        boolean reportFailures = properties.get("FunctionResponseTypes") instanceof List<?> types
                && types.contains("ReportBatchItemFailures");
        Map<String, Object> scaling = map(properties.get("ScalingConfig"));
        OptionalInt maximumConcurrency = scaling.containsKey("MaximumConcurrency")
                ? OptionalInt.of(integer(scaling.get("MaximumConcurrency")))
                : OptionalInt.empty();
        int batchSize = integer(properties.getOrDefault("BatchSize", 10));
        int window = integer(properties.getOrDefault("MaximumBatchingWindowInSeconds", 0));
        boolean enabled = Boolean.parseBoolean(String.valueOf(properties.getOrDefault("Enabled", true)));
        if (properties.containsKey("FilterCriteria")) {
            limitations.add(functionId + " event " + eventName
                    + ": FilterCriteria is not emulated (every message is delivered)");
        }
        return new SqsEventSourceDefinition(
                eventName, queueId, batchSize, window, reportFailures, maximumConcurrency, enabled);
    }

    private HttpApiDefinition httpApi(String id, Map<String, Object> properties) {
        Optional<Throttle> defaultThrottle = throttle(map(properties.get("DefaultRouteSettings")));
        Map<String, Throttle> routeThrottles = new LinkedHashMap<>();
        map(properties.get("RouteSettings"))
                .forEach((routeKey, settings) ->
                        throttle(map(settings)).ifPresent(t -> routeThrottles.put(routeKey, t)));
        List<String> iamRoutes = new ArrayList<>();
        boolean iamByDefault = "AWS_IAM".equals(map(properties.get("Auth")).get("DefaultAuthorizer"));
        map(map(properties.get("DefinitionBody")).get("paths"))
                .forEach((path, item) -> map(item).forEach((method, operation) -> {
                    Object security = withConditionsApplied(map(operation).get("security"));
                    boolean iam = security instanceof List<?> requirements
                            && requirements.stream().anyMatch(r -> map(r).containsKey("AWS_IAM"));
                    if (iam || iamByDefault) {
                        iamRoutes.add(routeKey(path, method));
                    }
                }));
        if (!iamRoutes.isEmpty()) {
            limitations.add(id + ": IAM authorization (AWS_IAM on " + String.join(", ", iamRoutes)
                    + ") is not emulated: requests are not checked for a SigV4 signature, every caller is admitted"
                    + " (in AWS an unsigned or wrongly signed request gets 403 {\"message\":\"Forbidden\"})");
        }
        return new HttpApiDefinition(id, defaultThrottle, Map.copyOf(routeThrottles), List.copyOf(iamRoutes));
    }

    private static String routeKey(String path, String method) {
        if (method.equals("x-amazon-apigateway-any-method")) {
            return path.equals(HttpRouteDefinition.DEFAULT_ROUTE) ? path : "ANY " + path;
        }
        return method.toUpperCase(java.util.Locale.ROOT) + " " + path;
    }

    private Optional<Throttle> throttle(Map<String, Object> settings) {
        if (!settings.containsKey("ThrottlingRateLimit") && !settings.containsKey("ThrottlingBurstLimit")) {
            return Optional.empty();
        }
        // API Gateway: a route with only one of the two set is limited by the other's stage default;
        // a missing one here means unlimited, as the stage default would be without settings.
        double rate = settings.containsKey("ThrottlingRateLimit")
                ? Double.parseDouble(string(settings.get("ThrottlingRateLimit")))
                : Double.MAX_VALUE;
        int burst = settings.containsKey("ThrottlingBurstLimit")
                ? integer(settings.get("ThrottlingBurstLimit"))
                : Integer.MAX_VALUE;
        return Optional.of(new Throttle(rate, burst));
    }

    /** {@code Fn::If} resolved with the template's Conditions under the parameters in force. */
    private Object withConditionsApplied(Object node) {
        if (node instanceof Map<?, ?> m && m.size() == 1 && m.containsKey("Fn::If")) {
            List<?> args = list(m.get("Fn::If"));
            Object chosen = condition(String.valueOf(args.get(0))) ? args.get(1) : args.get(2);
            return withConditionsApplied(chosen);
        }
        if (node instanceof Map<?, ?> m && "AWS::NoValue".equals(m.get("Ref"))) {
            return null;
        }
        return node;
    }

    private boolean condition(String name) {
        if (!conditions.containsKey(name)) {
            throw new TemplateException("condition " + name + " is not declared under Conditions");
        }
        return evaluate(conditions.get(name));
    }

    private boolean evaluate(Object node) {
        Map<String, Object> expression = map(node);
        if (expression.containsKey("Condition")) {
            return condition(String.valueOf(expression.get("Condition")));
        }
        if (expression.containsKey("Fn::Equals")) {
            List<?> args = list(expression.get("Fn::Equals"));
            return string(args.get(0)).equals(string(args.get(1)));
        }
        if (expression.containsKey("Fn::Not")) {
            return !evaluate(list(expression.get("Fn::Not")).get(0));
        }
        if (expression.containsKey("Fn::And")) {
            return list(expression.get("Fn::And")).stream().allMatch(this::evaluate);
        }
        if (expression.containsKey("Fn::Or")) {
            return list(expression.get("Fn::Or")).stream().anyMatch(this::evaluate);
        }
        throw new TemplateException("condition " + node + " is not supported by the local stack");
    }

    private QueueDefinition queue(String id, Map<String, Object> properties) {
        Map<String, String> attributes = new LinkedHashMap<>();
        QUEUE_ATTRIBUTES.forEach((property, attribute) -> {
            if (properties.containsKey(property)) {
                attributes.put(attribute, string(properties.get(property)));
            }
        });
        Map<String, Object> redrive = map(properties.get("RedrivePolicy"));
        Optional<String> deadLetter = Intrinsics.referencedLogicalId(redrive.get("deadLetterTargetArn"));
        Optional<Integer> maxReceiveCount = redrive.containsKey("maxReceiveCount")
                ? Optional.of(integer(redrive.get("maxReceiveCount")))
                : Optional.empty();
        if (Boolean.parseBoolean(String.valueOf(properties.get("SqsManagedSseEnabled")))
                || properties.containsKey("KmsMasterKeyId")) {
            limitations.add(id + ": server-side encryption is not emulated (messages are kept in plain memory)");
        }
        String name = properties.containsKey("QueueName")
                ? string(properties.get("QueueName"))
                : id + ("true".equals(attributes.get("FifoQueue")) ? ".fifo" : "");
        return new QueueDefinition(id, name, Map.copyOf(attributes), deadLetter, maxReceiveCount);
    }

    private TableDefinition table(String id, Map<String, Object> properties) {
        Map<String, String> attributeTypes = new LinkedHashMap<>();
        for (Object definition : list(properties.get("AttributeDefinitions"))) {
            Map<String, Object> d = map(definition);
            attributeTypes.put(string(d.get("AttributeName")), string(d.get("AttributeType")));
        }
        Map<String, String> keySchema = new LinkedHashMap<>();
        for (Object key : list(properties.get("KeySchema"))) {
            Map<String, Object> k = map(key);
            keySchema.put(string(k.get("AttributeName")), string(k.get("KeyType")));
        }
        List<Map<String, Object>> indexes = new ArrayList<>();
        for (Object index : list(properties.get("GlobalSecondaryIndexes"))) {
            indexes.add(map(Intrinsics.resolve(index, parameterResolver)));
        }
        Map<String, Object> ttl = map(properties.get("TimeToLiveSpecification"));
        Optional<String> ttlAttribute = Boolean.parseBoolean(String.valueOf(ttl.get("Enabled")))
                ? Optional.of(string(ttl.get("AttributeName")))
                : Optional.empty();
        boolean sse = Boolean.parseBoolean(
                String.valueOf(map(properties.get("SSESpecification")).get("SSEEnabled")));
        if (sse) {
            limitations.add(id + ": server-side encryption is not emulated");
        }
        if (properties.containsKey("StreamSpecification")) {
            limitations.add(id + ": DynamoDB Streams are not emulated");
        }
        String name = properties.containsKey("TableName") ? string(properties.get("TableName")) : id;
        return new TableDefinition(
                id, name, Map.copyOf(attributeTypes), keySchema, List.copyOf(indexes), ttlAttribute, sse);
    }

    private void noteFunctionLimitations(Map<String, Object> globals) {
        List<String> snapStart = new ArrayList<>();
        List<String> policies = new ArrayList<>();
        resources.forEach((id, value) -> {
            Map<String, Object> resource = map(value);
            if (!FUNCTION.equals(resource.get("Type"))) {
                return;
            }
            Map<String, Object> properties = map(resource.get("Properties"));
            if (properties.containsKey("SnapStart") || globals.containsKey("SnapStart")) {
                snapStart.add(id);
            }
            if (properties.containsKey("Policies") || globals.containsKey("Policies")) {
                policies.add(id);
            }
        });
        if (!snapStart.isEmpty()) {
            limitations.add(String.join(", ", snapStart) + ": SnapStart is not emulated: every new instance"
                    + " starts cold (Init Duration shows it) and org.crac hooks are not called");
        }
        if (!policies.isEmpty()) {
            limitations.add(String.join(", ", policies) + ": IAM Policies are not enforced locally");
        }
        if (!functions.isEmpty()) {
            limitations.add("MemorySize, Runtime and Architectures are not enforced: every function runs in this JVM"
                    + " (Java " + Runtime.version().feature() + ") on this machine's "
                    + Runtime.getRuntime().availableProcessors() + " cores");
        }
    }

    private String string(Object value) {
        return Intrinsics.resolveString(value, parameterResolver);
    }

    private int integer(Object value) {
        String text = string(value);
        try {
            return new BigDecimal(text.trim()).intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new TemplateException("expected a whole number in " + path + ", got " + text);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> l ? l : List.of();
    }
}
