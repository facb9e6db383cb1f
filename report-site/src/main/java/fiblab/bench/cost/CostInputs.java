package fiblab.bench.cost;

/**
 * What one request of each path does, in the units AWS bills: the template's configuration and
 * the durations and counts the run measured.
 *
 * @param apiMemoryMb          ApiFunction's MemorySize
 * @param workerMemoryMb       WorkerFunction's MemorySize
 * @param batchSize            SQS records per worker invocation (the template's BatchSize; full batches assumed)
 * @param inlineBilledMillis   mean billed duration of one inline invocation (each rounded up to 1 ms)
 * @param inlineResponseBytes  the inline answer's size, for the HTTP API's 512 KB metering
 * @param submitBilledMillis   mean billed duration of one POST /jobs invocation
 * @param pollsPerJob          GET /jobs/{id} requests per job, as measured
 * @param pollBilledMillis     mean billed duration of one status invocation
 * @param workerMillisPerJob   mean worker time per job (not yet rounded: a batch is rounded once)
 * @param jobItemBytes         the job item before it holds a result (DynamoDB's size rules)
 * @param resultItemBytes      the job item with its result
 * @param messageBytes         the SQS message body
 */
public record CostInputs(
        int apiMemoryMb,
        int workerMemoryMb,
        int batchSize,
        double inlineBilledMillis,
        long inlineResponseBytes,
        double submitBilledMillis,
        double pollsPerJob,
        double pollBilledMillis,
        double workerMillisPerJob,
        long jobItemBytes,
        long resultItemBytes,
        long messageBytes) {

    public CostInputs {
        if (apiMemoryMb <= 0 || workerMemoryMb <= 0 || batchSize <= 0) {
            throw new IllegalArgumentException("memory sizes and batch size must be positive");
        }
    }
}
