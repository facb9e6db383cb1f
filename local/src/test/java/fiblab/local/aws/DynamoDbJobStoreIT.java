package fiblab.local.aws;

import fiblab.aws.DynamoDbJobStore;
import fiblab.job.JobStore;
import fiblab.job.JobStoreContract;
import fiblab.local.servers.DynaliteServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The real DynamoDB adapter against the JobStore contract that the core's in-memory fake also
 * passes, on a real dynalite over a socket, with the table keyed as template.yaml keys it.
 */
class DynamoDbJobStoreIT extends JobStoreContract {

    private static DynaliteServer dynalite;
    private static DynamoDbClient client;
    private static DynamoDbJobStore store;

    @BeforeAll
    static void startDynalite() {
        dynalite = DynaliteServer.start(0, null);
        client = new AwsEndpoints(dynalite.endpoint(), dynalite.endpoint(), "us-east-1").dynamoDbClient();
        client.createTable(r -> r.tableName("jobs-contract")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("jobId").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("jobId").keyType(KeyType.HASH)));
        store = new DynamoDbJobStore(client, "jobs-contract");
    }

    @AfterAll
    static void stopDynalite() {
        if (client != null) {
            client.close();
        }
        if (dynalite != null) {
            dynalite.stop();
        }
    }

    @Override
    protected JobStore store() {
        return store;
    }
}
