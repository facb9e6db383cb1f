package fiblab.local.aws;

import static org.assertj.core.api.Assertions.assertThat;

import fiblab.aws.DynamoDbJobStore;
import fiblab.fib.Algorithm;
import fiblab.fib.FastDoubling;
import fiblab.job.Job;
import fiblab.job.JobStore;
import fiblab.job.JobSubmission;
import fiblab.local.testing.DynaliteJobsTable;
import fiblab.testing.InMemoryJobQueue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

/**
 * Read units one status poll costs, before (a strongly consistent read of the whole item, what
 * {@code GET /jobs/{id}} did) and after (the status read it does now), for a pending job and for
 * DONE jobs holding fib(30), fib(10^5) and fib(10^6). dynalite computes consumed capacity as
 * DynamoDB bills it (4 KB per strongly consistent unit, half for an eventually consistent read);
 * an interceptor on the adapter's own client asks for it on every GetItem. The table goes to
 * {@code target/poll-read-units.txt}.
 */
class PollReadUnitsIT {

    @AutoClose
    private static DynaliteJobsTable jobsTable;

    private static final List<Double> units = new ArrayList<>();

    /** Asks for ReturnConsumedCapacity on each GetItem and records what came back. */
    static final class CapacityMeter implements ExecutionInterceptor {
        @Override
        public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
            return context.request() instanceof GetItemRequest get
                    ? get.toBuilder()
                            .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                            .build()
                    : context.request();
        }

        @Override
        public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
            if (context.response() instanceof GetItemResponse got && got.consumedCapacity() != null) {
                units.add(got.consumedCapacity().capacityUnits());
            }
        }
    }

    @BeforeAll
    static void startDynalite() {
        jobsTable = DynaliteJobsTable.start("jobs-polls", new CapacityMeter());
    }

    @Test
    void statusPoll_shouldCostHalfTheReadUnitsOfAConsistentWholeItemRead() throws Exception {
        JobStore store = new DynamoDbJobStore(jobsTable.client(), jobsTable.name());
        JobSubmission submission =
                new JobSubmission(store, new InMemoryJobQueue(), Clock.systemUTC(), Duration.ofDays(7));
        StringBuilder table = new StringBuilder(
                "| job | value digits | before: consistent read | after: status read |\n" + "|---|---|---|---|\n");
        String pending = create(store, 30, Algorithm.NAIVE, null);
        row(table, "PENDING, n = 30", 0, measure(() -> store.find(pending)), measure(() -> submission.status(pending)));
        for (int n : new int[] {30, 100_000, 1_000_000}) {
            String value = FastDoubling.fib(n).toString();
            String done = create(store, n, Algorithm.FAST, value);
            double before = measure(() -> store.find(done));
            double after = measure(() -> submission.status(done));
            row(table, "DONE, fib(" + n + ")", value.length(), before, after);
            assertThat(after).as("fib(" + n + ")").isEqualTo(before / 2);
        }
        System.out.print(table);
        Files.writeString(Path.of("target", "poll-read-units.txt"), table);
    }

    private static String create(JobStore store, int n, Algorithm algorithm, String value) {
        String jobId = UUID.randomUUID().toString();
        long now = System.currentTimeMillis();
        store.create(Job.pending(jobId, n, algorithm, now, null, now / 1000 + 3600));
        if (value != null) {
            store.claim(jobId, now, now + 60_000);
            store.complete(jobId, 1, value, 1, now);
        }
        return jobId;
    }

    private static double measure(Runnable poll) {
        units.clear();
        poll.run();
        return units.stream().mapToDouble(Double::doubleValue).sum();
    }

    private static void row(StringBuilder table, String job, int digits, double before, double after) {
        table.append("| ")
                .append(job)
                .append(" | ")
                .append(digits)
                .append(" | ")
                .append(before)
                .append(" | ")
                .append(after)
                .append(" |\n");
    }
}
