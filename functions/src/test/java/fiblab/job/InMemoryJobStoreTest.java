package fiblab.job;

import fiblab.testing.InMemoryJobStore;

/** The in-memory fake against the JobStore contract (the DynamoDB adapter runs the same suite in local/). */
class InMemoryJobStoreTest extends JobStoreContract {

    private final InMemoryJobStore store = new InMemoryJobStore();

    @Override
    protected JobStore store() {
        return store;
    }
}
