package fiblab.local.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fiblab.local.aws.AwsEndpoints;
import fiblab.local.testing.Eventually;
import fiblab.local.testing.HolderJvm;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.sqs.SqsClient;

class LocalServersIT {

    @Test
    void start_shouldServeSqsAndDynamoDb_andLeaveNoChildProcess_whenClosed() {
        // Given
        LocalServers servers = LocalServers.start("us-east-1");
        long nodePid = servers.dynamoDb().pid();
        AwsEndpoints endpoints = new AwsEndpoints(servers.sqsEndpoint(), servers.dynamoDbEndpoint(), "us-east-1");

        // When
        try (SqsClient sqs = endpoints.sqsClient();
                DynamoDbClient dynamoDb = endpoints.dynamoDbClient()) {
            String url = sqs.createQueue(r -> r.queueName("q")).queueUrl();
            sqs.sendMessage(r -> r.queueUrl(url).messageBody("hello"));
            assertThat(sqs.receiveMessage(r -> r.queueUrl(url)).messages())
                    .extracting(m -> m.body())
                    .containsExactly("hello");
            createTable(dynamoDb);
            assertThat(dynamoDb.listTables().tableNames()).contains("things");
        } finally {
            servers.close();
        }

        // Then
        assertThat(ProcessHandle.of(nodePid).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
        assertThat(ChildProcesses.runningPids()).doesNotContain(nodePid);
        assertThat(servers.sqs().isRunning()).isFalse();
    }

    @Test
    void restart_shouldKeepTables_whenDynaliteHasADataDirectory() {
        // Given
        try (LocalServers servers = LocalServers.start("us-east-1")) {
            AwsEndpoints endpoints = new AwsEndpoints(servers.sqsEndpoint(), servers.dynamoDbEndpoint(), "us-east-1");
            try (DynamoDbClient dynamoDb = endpoints.dynamoDbClient()) {
                createTable(dynamoDb);
                dynamoDb.putItem(r -> r.tableName("things").item(Map.of("id", AttributeValue.fromS("kept"))));
                long before = servers.dynamoDb().pid();

                // When
                servers.dynamoDb().restart();

                // Then
                assertThat(servers.dynamoDb().pid()).isNotEqualTo(before);
                assertThat(dynamoDb.getItem(r -> r.tableName("things").key(Map.of("id", AttributeValue.fromS("kept"))))
                                .item())
                        .containsEntry("id", AttributeValue.fromS("kept"));
            }
        }
    }

    @Test
    void childNode_shouldExit_whenTheJvmThatStartedItIsKilled() throws Exception {
        // Given: a JVM that started dynalite
        HolderJvm holder = HolderJvm.start(
                DynaliteHolder.class, List.of("-Dfiblab.dynalite.dir=" + System.getProperty("fiblab.dynalite.dir")));
        assertThat(HolderJvm.alive(holder.childPid())).as("node alive").isTrue();

        // When: the JVM dies without running any shutdown hook
        holder.jvm().destroyForcibly().waitFor(10, TimeUnit.SECONDS);

        // Then
        assertThat(HolderJvm.ends(holder.childPid(), Duration.ofSeconds(10)))
                .as("node ended")
                .isTrue();
    }

    @Test
    void start_shouldSayTheNodeIsMissing_whenNoNodeIsOnPath() {
        // Given
        Map<String, String> environment = Map.of("PATH", "/nonexistent");

        // When / Then
        assertThatThrownBy(() -> DynaliteInstallation.locate(environment))
                .isInstanceOf(ServerStartException.class)
                .hasMessageContaining("`node` is not on PATH")
                .hasMessageContaining("--endpoint");
    }

    @Test
    void start_shouldSayThePortIsInUse_whenSomethingHoldsIt() throws Exception {
        // Given
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // When / Then
            assertThatThrownBy(() -> DynaliteServer.start(taken.getLocalPort(), null))
                    .isInstanceOf(ServerStartException.class)
                    .hasMessageContaining("port is in use");
        }
    }

    private static void createTable(DynamoDbClient dynamoDb) {
        dynamoDb.createTable(r -> r.tableName("things")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH)));
        // CreateTable only starts the creation, in DynamoDB and in dynalite (which flips the table to
        // ACTIVE on a 0 ms timer, a moment later on a loaded machine): wait for it, with a bound
        assertThat(Eventually.within(
                        Duration.ofSeconds(10),
                        () -> dynamoDb.describeTable(r -> r.tableName("things"))
                                        .table()
                                        .tableStatus()
                                == TableStatus.ACTIVE))
                .as("table ACTIVE within 10 s")
                .isTrue();
    }
}
