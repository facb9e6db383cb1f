package fiblab.local.aws;

import fiblab.local.template.QueueDefinition;
import fiblab.local.template.SamTemplate;
import fiblab.local.template.TableDefinition;
import fiblab.local.template.TemplateException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueNameExistsException;

/**
 * Creates the template's queues (dead-letter queues first, so redrive policies can name them) and
 * tables on the stack's SQS and DynamoDB endpoints, as CloudFormation would on deploy. Idempotent:
 * what already exists (LocalStack that was used before) is reused.
 */
public final class ResourceProvisioner {

    private final SamTemplate template;
    private final AwsEndpoints endpoints;
    private final String accountId;
    private final List<String> limitations = new ArrayList<>();

    public ResourceProvisioner(SamTemplate template, AwsEndpoints endpoints, String accountId) {
        this.template = template;
        this.endpoints = endpoints;
        this.accountId = accountId;
    }

    /** Creates everything and returns what {@code !Ref} and {@code !GetAtt} now resolve to. */
    public ProvisionedResources provision() {
        Map<String, String> refs = new HashMap<>();
        Map<String, Map<String, String>> attributes = new HashMap<>();
        try (SqsClient sqs = endpoints.sqsClient();
                DynamoDbClient dynamoDb = endpoints.dynamoDbClient()) {
            for (QueueDefinition queue : inRedriveOrder(template.queues())) {
                createQueue(sqs, queue, attributes, refs);
            }
            for (TableDefinition table : template.tables()) {
                TableDescription description = createTable(dynamoDb, table);
                refs.put(table.logicalId(), description.tableName());
                attributes.put(
                        table.logicalId(),
                        Map.of(
                                "Arn",
                                description.tableArn() == null
                                        ? "arn:aws:dynamodb:" + endpoints.region() + ":" + accountId + ":table/"
                                                + table.tableName()
                                        : description.tableArn()));
                table.timeToLiveAttribute().ifPresent(attribute -> enableTimeToLive(dynamoDb, table, attribute));
            }
        }
        template.functions().forEach(function -> {
            refs.put(function.logicalId(), function.functionName());
            attributes.put(
                    function.logicalId(),
                    Map.of(
                            "Arn",
                            "arn:aws:lambda:" + endpoints.region() + ":" + accountId + ":function:"
                                    + function.functionName()));
        });
        return new ProvisionedResources(template, endpoints.region(), accountId, refs, attributes);
    }

    /** What could not be created as declared (TTL on dynalite), one line each. */
    public List<String> limitations() {
        return List.copyOf(limitations);
    }

    private void createQueue(
            SqsClient sqs,
            QueueDefinition queue,
            Map<String, Map<String, String>> attributes,
            Map<String, String> refs) {
        Map<String, String> queueAttributes = new LinkedHashMap<>(queue.attributes());
        queue.deadLetterQueueLogicalId().ifPresent(dlq -> {
            Map<String, String> target = Optional.ofNullable(attributes.get(dlq))
                    .orElseThrow(() -> new TemplateException(
                            queue.logicalId() + ": redrive target " + dlq + " is not a queue in the template"));
            queueAttributes.put(
                    "RedrivePolicy",
                    "{\"deadLetterTargetArn\":\"" + target.get("Arn") + "\",\"maxReceiveCount\":\""
                            + queue.maxReceiveCount().orElse(10) + "\"}");
        });
        String url;
        try {
            url = sqs.createQueue(r -> r.queueName(queue.queueName()).attributesWithStrings(queueAttributes))
                    .queueUrl();
        } catch (QueueNameExistsException e) {
            url = sqs.getQueueUrl(r -> r.queueName(queue.queueName())).queueUrl();
            String existing = url;
            sqs.setQueueAttributes(r -> r.queueUrl(existing).attributesWithStrings(queueAttributes));
        }
        String queueUrl = url;
        String arn = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
        refs.put(queue.logicalId(), queueUrl);
        attributes.put(queue.logicalId(), Map.of("Arn", arn, "QueueName", queue.queueName(), "QueueUrl", queueUrl));
    }

    private static List<QueueDefinition> inRedriveOrder(List<QueueDefinition> queues) {
        List<QueueDefinition> ordered = new ArrayList<>();
        List<QueueDefinition> pending = new ArrayList<>(queues);
        while (!pending.isEmpty()) {
            boolean progressed = pending.removeIf(q -> {
                boolean ready = q.deadLetterQueueLogicalId()
                        .map(dlq -> ordered.stream().anyMatch(o -> o.logicalId().equals(dlq))
                                || queues.stream().noneMatch(o -> o.logicalId().equals(dlq)))
                        .orElse(true);
                if (ready) {
                    ordered.add(q);
                }
                return ready;
            });
            if (!progressed) {
                throw new TemplateException("queues redrive to each other in a cycle: " + pending);
            }
        }
        return ordered;
    }

    private TableDescription createTable(DynamoDbClient dynamoDb, TableDefinition table) {
        List<AttributeDefinition> definitions = new ArrayList<>();
        table.attributeTypes()
                .forEach((name, type) -> definitions.add(AttributeDefinition.builder()
                        .attributeName(name)
                        .attributeType(type)
                        .build()));
        List<KeySchemaElement> keys = new ArrayList<>();
        table.keySchema()
                .forEach((name, type) -> keys.add(KeySchemaElement.builder()
                        .attributeName(name)
                        .keyType(type)
                        .build()));
        List<GlobalSecondaryIndex> indexes =
                table.globalSecondaryIndexes().stream().map(this::index).toList();
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(table.tableName())
                .attributeDefinitions(definitions)
                .keySchema(keys)
                .billingMode(BillingMode.PAY_PER_REQUEST);
        if (!indexes.isEmpty()) {
            request.globalSecondaryIndexes(indexes);
        }
        try {
            dynamoDb.createTable(request.build());
        } catch (ResourceInUseException e) {
            // already there (a reused endpoint): keep it
        }
        for (int attempt = 0; attempt < 100; attempt++) {
            TableDescription description =
                    dynamoDb.describeTable(r -> r.tableName(table.tableName())).table();
            if (description.tableStatus() == TableStatus.ACTIVE) {
                return description;
            }
            sleep(100);
        }
        throw new IllegalStateException("table " + table.tableName() + " did not become ACTIVE within 10 s");
    }

    @SuppressWarnings("unchecked")
    private GlobalSecondaryIndex index(Map<String, Object> index) {
        List<KeySchemaElement> keys = new ArrayList<>();
        for (Object key : (List<Object>) index.get("KeySchema")) {
            Map<String, Object> k = (Map<String, Object>) key;
            keys.add(KeySchemaElement.builder()
                    .attributeName(String.valueOf(k.get("AttributeName")))
                    .keyType(String.valueOf(k.get("KeyType")))
                    .build());
        }
        Map<String, Object> projection = (Map<String, Object>) index.getOrDefault("Projection", Map.of());
        Projection.Builder p =
                Projection.builder().projectionType(String.valueOf(projection.getOrDefault("ProjectionType", "ALL")));
        if (projection.get("NonKeyAttributes") instanceof List<?> attributes) {
            p.nonKeyAttributes(attributes.stream().map(String::valueOf).toList());
        }
        return GlobalSecondaryIndex.builder()
                .indexName(String.valueOf(index.get("IndexName")))
                .keySchema(keys)
                .projection(p.build())
                .build();
    }

    private void enableTimeToLive(DynamoDbClient dynamoDb, TableDefinition table, String attribute) {
        try {
            dynamoDb.updateTimeToLive(r -> r.tableName(table.tableName())
                    .timeToLiveSpecification(s -> s.attributeName(attribute).enabled(true)));
        } catch (SdkException e) {
            limitations.add(table.logicalId() + ": TTL on " + attribute + " is not emulated (this DynamoDB server"
                    + " has no UpdateTimeToLive): expired items are never deleted");
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
