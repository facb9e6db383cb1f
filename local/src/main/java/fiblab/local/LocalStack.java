package fiblab.local;

import fiblab.local.aws.AwsEndpoints;
import fiblab.local.aws.ProvisionedResources;
import fiblab.local.aws.ResourceProvisioner;
import fiblab.local.gateway.HttpGateway;
import fiblab.local.gateway.RouteTable;
import fiblab.local.gateway.RouteThrottles;
import fiblab.local.log.LogSink;
import fiblab.local.poller.SqsEventSourceMapping;
import fiblab.local.runtime.FunctionConfiguration;
import fiblab.local.runtime.HandlerReference;
import fiblab.local.runtime.LambdaFunction;
import fiblab.local.servers.LocalServers;
import fiblab.local.template.FunctionDefinition;
import fiblab.local.template.HttpRouteDefinition;
import fiblab.local.template.QueueDefinition;
import fiblab.local.template.SamTemplate;
import fiblab.local.template.SqsEventSourceDefinition;
import fiblab.local.template.TableDefinition;
import fiblab.local.template.Throttle;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Everything {@code template.yaml} declares, running on this machine: SQS and DynamoDB servers
 * (or another endpoint), the queues and tables, the functions in this JVM, the HTTP API gateway
 * and the SQS event source mappings. Close it to stop all of it, child processes included.
 */
public final class LocalStack implements AutoCloseable {

    /** Lambda's default concurrency quota per account and region, for functions without a reserved one. */
    static final int ACCOUNT_CONCURRENCY = 1000;

    private final SamTemplate template;
    private final LogSink log;
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final Map<String, LambdaFunction> functions = new LinkedHashMap<>();
    private final List<String> limitations = new ArrayList<>();
    private LocalServers servers;
    private AwsEndpoints endpoints;
    private ProvisionedResources provisioned;
    private HttpGateway gateway;
    private boolean closed;

    private LocalStack(SamTemplate template, LogSink log) {
        this.template = template;
        this.log = log;
    }

    /** Starts everything; on failure, stops what was started and rethrows. */
    public static LocalStack start(LocalStackOptions options) throws Exception {
        SamTemplate template = SamTemplate.load(options.template(), options.parameterOverrides());
        LogSink log = options.logFile() == null ? LogSink.stdout() : LogSink.file(options.logFile());
        LocalStack stack = new LocalStack(template, log);
        try {
            stack.boot(options);
            return stack;
        } catch (Exception | Error e) {
            stack.close();
            throw e;
        }
    }

    private void boot(LocalStackOptions options) {
        if (options.port() != 0 && !fiblab.local.servers.FreePorts.isFree(options.port())) {
            // before starting any server: say it at once
            throw new fiblab.local.servers.ServerStartException("port " + options.port() + " on 127.0.0.1 is in use:"
                    + " stop what holds it, or pass --port N (0 = any free port)");
        }
        String region = region();
        Optional<URI> endpoint = options.endpoint()
                .or(() -> Optional.ofNullable(System.getenv("AWS_ENDPOINT_URL"))
                        .filter(s -> !s.isBlank())
                        .map(URI::create));
        if (endpoint.isPresent()) {
            endpoints = new AwsEndpoints(endpoint.get(), endpoint.get(), region);
        } else {
            servers = LocalServers.start(region, options.dataDir(), log::line);
            endpoints = new AwsEndpoints(servers.sqsEndpoint(), servers.dynamoDbEndpoint(), region);
        }
        ResourceProvisioner provisioner = new ResourceProvisioner(template, endpoints, LocalServers.ACCOUNT_ID);
        provisioned = provisioner.provision();
        limitations.addAll(template.limitations());
        limitations.addAll(provisioner.limitations());

        RouteTable<LambdaFunction> routes = new RouteTable<>();
        SqsClient pollerClient = endpoints.sqsClient();
        resources.add(pollerClient);
        List<SqsEventSourceMapping> mappings = new ArrayList<>();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        for (FunctionDefinition definition : template.functions()) {
            FunctionConfiguration configuration = new FunctionConfiguration(
                    definition.functionName(),
                    provisioned.getAtt(definition.logicalId(), "Arn"),
                    definition.handler(),
                    Duration.ofSeconds(definition.timeoutSeconds()),
                    definition.memorySizeMb(),
                    definition.reservedConcurrency().orElse(ACCOUNT_CONCURRENCY),
                    FunctionEnvironment.of(definition, provisioned, endpoints, endpoint.isPresent()));
            LambdaFunction function =
                    new LambdaFunction(configuration, HandlerReference.resolve(definition.handler(), loader), log);
            functions.put(definition.logicalId(), function);
            resources.add(function);
            definition.httpRoutes().forEach(route -> routes.add(route, function));
            for (SqsEventSourceDefinition source : definition.sqsEvents()) {
                if (source.enabled()) {
                    mappings.add(new SqsEventSourceMapping(
                            source,
                            function,
                            pollerClient,
                            provisioned.ref(source.queueLogicalId()),
                            provisioned.getAtt(source.queueLogicalId(), "Arn"),
                            region,
                            log));
                }
            }
        }
        // The local gateway serves every route on one port, so one HTTP API's stage settings apply.
        RouteThrottles throttles =
                RouteThrottles.of(template.httpApis().stream().findFirst(), routes.routes());
        gateway = HttpGateway.start(
                routes, throttles, options.port(), HttpGateway.INTEGRATION_TIMEOUT, log, LocalServers.ACCOUNT_ID);
        resources.add(gateway);
        mappings.forEach(mapping -> resources.add(mapping.start()));
        banner(routes, throttles, mappings);
    }

    private void banner(
            RouteTable<LambdaFunction> routes, RouteThrottles throttles, List<SqsEventSourceMapping> mappings) {
        log.line("fiblab local stack from " + template.path().toAbsolutePath().normalize());
        log.line("  API        " + apiUrl());
        for (HttpRouteDefinition route : routes.routes()) {
            Throttle throttle = throttles.settings().get(route.routeKey());
            log.line("  route      " + route.routeKey() + " -> " + functionFor(route)
                    + (throttle == null ? "" : "  (throttled: " + throttle + ", 429 past it)"));
        }
        template.httpApis()
                .forEach(api -> log.line("  admission  " + api.logicalId() + ": "
                        + (api.iamRoutes().isEmpty()
                                ? "open (no route asks for IAM authorization)"
                                : "IAM authorization is NOT checked locally; every caller is admitted")));
        for (QueueDefinition queue : template.queues()) {
            log.line("  queue      " + queue.queueName() + "  " + provisioned.ref(queue.logicalId()));
        }
        for (TableDefinition table : template.tables()) {
            log.line("  table      " + table.tableName() + "  " + endpoints.dynamoDb());
        }
        for (FunctionDefinition function : template.functions()) {
            for (SqsEventSourceDefinition source : function.sqsEvents()) {
                log.line("  sqs events " + source.queueLogicalId() + " -> " + function.functionName() + " (batch "
                        + source.batchSize() + ", window " + source.batchingWindowSeconds() + " s, "
                        + (source.reportBatchItemFailures() ? "partial batch failures" : "whole-batch failures")
                        + (source.enabled() ? "" : ", disabled") + ")");
            }
        }
        mappings.forEach(m -> log.line("  pollers    " + m.concurrency() + " batches at once (at most the cores"
                + " locally, -D" + SqsEventSourceMapping.MAX_LOCAL_BATCHES_PROPERTY
                + "=N to change; AWS gives each its own vCPU)"));
        template.parameters().forEach((name, value) -> log.line("  parameter  " + name + "=" + value));
        for (String limitation : limitations) {
            log.line("  not emulated: " + limitation);
        }
        log.line("Serving until stopped (Ctrl-C).");
    }

    private String functionFor(HttpRouteDefinition route) {
        return template.functions().stream()
                .filter(f -> f.httpRoutes().contains(route))
                .map(FunctionDefinition::functionName)
                .findFirst()
                .orElse("?");
    }

    private static String region() {
        String region = System.getenv("AWS_REGION");
        if (region == null || region.isBlank()) {
            region = System.getenv("AWS_DEFAULT_REGION");
        }
        return region == null || region.isBlank() ? "us-east-1" : region;
    }

    /** The gateway's base URL, without a trailing slash: {@code http://127.0.0.1:3000}. */
    public URI apiUrl() {
        return gateway.url();
    }

    /** Template parameter values in force (defaults with overrides applied). */
    public Map<String, String> parameters() {
        return template.parameters();
    }

    /** What {@code !Ref logicalId} resolves to: a queue's URL, a table's or function's name. */
    public String ref(String logicalId) {
        return provisioned.ref(logicalId);
    }

    /** Where the stack's SQS and DynamoDB are. */
    public AwsEndpoints endpoints() {
        return endpoints;
    }

    /** The local servers, or empty when the stack runs against another endpoint. */
    public Optional<LocalServers> servers() {
        return Optional.ofNullable(servers);
    }

    /** A hosted function by its logical id. */
    public LambdaFunction function(String logicalId) {
        LambdaFunction function = functions.get(logicalId);
        if (function == null) {
            throw new IllegalArgumentException("no function " + logicalId + " in " + functions.keySet());
        }
        return function;
    }

    /** One line for each thing in the template this stack does not emulate. */
    public List<String> limitations() {
        return List.copyOf(limitations);
    }

    /** Stops the gateway, the pollers, the functions and the servers (child processes included). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                log.line("[stack] while stopping: " + e);
            }
        }
        if (servers != null) {
            servers.close();
        }
        log.close();
    }
}
