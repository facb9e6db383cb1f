package fiblab.local.testing;

import fiblab.local.aws.AwsEndpoints;
import fiblab.local.servers.DynaliteServer;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * A dynalite server holding one empty table keyed by {@code jobId} (the key of the template's
 * {@code JobsTable}), and a client for it: for tests of the DynamoDB adapter without a whole stack.
 */
public record DynaliteJobsTable(DynaliteServer server, DynamoDbClient client, String name) implements AutoCloseable {

    /** @param interceptors given to the client, to see or change each call */
    public static DynaliteJobsTable start(String name, ExecutionInterceptor... interceptors) {
        DynaliteServer server = DynaliteServer.start(0, null);
        DynamoDbClient client =
                new AwsEndpoints(server.endpoint(), server.endpoint(), "us-east-1").dynamoDbClient(interceptors);
        client.createTable(r -> r.tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("jobId").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("jobId").keyType(KeyType.HASH)));
        return new DynaliteJobsTable(server, client, name);
    }

    @Override
    public void close() {
        client.close();
        server.stop();
    }
}
