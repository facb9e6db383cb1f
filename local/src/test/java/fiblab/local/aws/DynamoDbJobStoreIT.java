package fiblab.local.aws;

import fiblab.aws.DynamoDbJobStore;
import fiblab.job.JobStore;
import fiblab.job.JobStoreContract;
import fiblab.local.testing.DynaliteJobsTable;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;

/**
 * The real DynamoDB adapter against the JobStore contract that the core's in-memory fake also
 * passes, on a real dynalite over a socket, with the table keyed as template.yaml keys it.
 */
class DynamoDbJobStoreIT extends JobStoreContract {

    @AutoClose
    private static DynaliteJobsTable table;

    private static DynamoDbJobStore store;

    @BeforeAll
    static void startDynalite() {
        table = DynaliteJobsTable.start("jobs-contract");
        store = new DynamoDbJobStore(table.client(), table.name());
    }

    @Override
    protected JobStore store() {
        return store;
    }
}
