package fiblab.local.poller;

import fiblab.local.log.LogSink;
import fiblab.local.runtime.Admission;
import fiblab.local.runtime.InvocationResult;
import fiblab.local.runtime.LambdaFunction;
import fiblab.local.template.SqsEventSourceDefinition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;

/**
 * Lambda's SQS event source mapping for one function and queue: pollers long-poll the queue,
 * gather a batch ({@code BatchSize}, {@code MaximumBatchingWindowInSeconds}), invoke the function
 * and delete what succeeded. Failed messages stay in flight until the queue's visibility timeout
 * returns them; the queue's redrive policy moves them to the DLQ after {@code maxReceiveCount}.
 */
public final class SqsEventSourceMapping implements AutoCloseable {

    /**
     * Lambda long-polls with 20 s waits. A long poll returns as soon as a message arrives, so a
     * shorter wait changes no hand-off latency; it only lets the stack stop within seconds (a
     * server being stopped waits for open long polls to end).
     */
    private static final int WAIT_TIME_SECONDS = 2;
    /** ReceiveMessage returns at most 10 messages per call. */
    private static final int MAX_PER_RECEIVE = 10;
    /** Lambda's pollers start with five concurrent batches when no maximum concurrency is set. */
    public static final int DEFAULT_CONCURRENCY = 5;
    /**
     * Most batches the local stack runs at once, whatever the template allows; default: the
     * machine's cores. In AWS each concurrent worker has its own vCPU (1,769 MB), so CPU-bound
     * workers never slow the API down; here everything shares this machine's cores, and ten
     * CPU-bound workers on two cores time-slice the API's thread down to a fifth of a core, which
     * AWS would not show. As many workers as cores still use every core (the async path loses no
     * throughput); an API thread then competes with two workers, not ten. Set it to the
     * template's value to see the contention.
     */
    public static final String MAX_LOCAL_BATCHES_PROPERTY = "fiblab.local.maxConcurrentBatches";

    private final SqsEventSourceDefinition definition;
    private final LambdaFunction function;
    private final SqsClient sqs;
    private final String queueUrl;
    private final SqsEventFactory events;
    private final LogSink log;
    private final int pollers;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ExecutorService threads;
    /**
     * Deletes run here, after the invocation returned, as Lambda deletes them; the poller does not
     * wait for them, so its next receive overlaps the delete's round trip.
     */
    private final ExecutorService deletes;

    public SqsEventSourceMapping(
            SqsEventSourceDefinition definition,
            LambdaFunction function,
            SqsClient sqs,
            String queueUrl,
            String queueArn,
            String region,
            LogSink log) {
        this.definition = definition;
        this.function = function;
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.events = new SqsEventFactory(queueArn, region);
        this.log = log;
        this.pollers = Math.min(
                localLimit(),
                Math.min(
                        function.configuration().concurrency(),
                        definition.maximumConcurrency().orElse(DEFAULT_CONCURRENCY)));
        String name = function.configuration().functionName() + "-poller-";
        this.threads = Executors.newFixedThreadPool(pollers, new java.util.concurrent.ThreadFactory() {
            private int count;

            @Override
            public synchronized Thread newThread(Runnable r) {
                Thread t = new Thread(r, name + (++count));
                t.setDaemon(true);
                return t;
            }
        });
        this.deletes = Executors.newFixedThreadPool(pollers, new java.util.concurrent.ThreadFactory() {
            private int count;

            @Override
            public synchronized Thread newThread(Runnable r) {
                Thread t = new Thread(r, name + "delete-" + (++count));
                t.setDaemon(true);
                return t;
            }
        });
    }

    /** Starts the pollers. */
    public SqsEventSourceMapping start() {
        for (int i = 0; i < pollers; i++) {
            threads.execute(this::poll);
        }
        return this;
    }

    /** {@value #MAX_LOCAL_BATCHES_PROPERTY}, or the number of cores; a wrong value fails with its name. */
    static int localLimit() {
        String value = System.getProperty(MAX_LOCAL_BATCHES_PROPERTY);
        if (value == null || value.isBlank()) {
            return Math.max(1, Runtime.getRuntime().availableProcessors());
        }
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 1 && limit <= 1000) {
                return limit;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new IllegalArgumentException("system property " + MAX_LOCAL_BATCHES_PROPERTY
                + " must be a whole number from 1 to 1000, was \"" + value + "\"");
    }

    /** How many batches may be in flight at once. */
    public int concurrency() {
        return pollers;
    }

    private void poll() {
        int failuresInARow = 0;
        while (running.get()) {
            try {
                List<Message> batch = gather();
                failuresInARow = 0;
                if (!batch.isEmpty() && running.get()) {
                    deliver(batch);
                }
            } catch (RuntimeException e) {
                if (!running.get()) {
                    return;
                }
                if (failuresInARow++ == 0) {
                    log.line("[" + function.configuration().functionName() + "] event source " + definition.eventName()
                            + ": cannot reach the queue (" + e.getClass().getSimpleName() + "), retrying");
                }
                sleep(Math.min(5_000, 200L * failuresInARow));
            }
        }
    }

    /** One batch: up to {@code BatchSize} messages, gathered for at most the batching window. */
    private List<Message> gather() {
        List<Message> batch = new ArrayList<>();
        long windowEnds = System.nanoTime()
                + Duration.ofSeconds(definition.batchingWindowSeconds()).toNanos();
        do {
            int wanted = Math.min(MAX_PER_RECEIVE, definition.batchSize() - batch.size());
            int wait = batch.isEmpty()
                    ? WAIT_TIME_SECONDS
                    : (int) Math.max(0, TimeUnit.NANOSECONDS.toSeconds(windowEnds - System.nanoTime()));
            ReceiveMessageResponse response = sqs.receiveMessage(r -> r.queueUrl(queueUrl)
                    .maxNumberOfMessages(wanted)
                    .waitTimeSeconds(wait)
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                    .messageAttributeNames("All"));
            if (batch.isEmpty()) {
                windowEnds = System.nanoTime()
                        + Duration.ofSeconds(definition.batchingWindowSeconds()).toNanos();
            }
            batch.addAll(response.messages());
            if (batch.isEmpty() && !running.get()) {
                break;
            }
        } while (running.get()
                && batch.size() < definition.batchSize()
                && (batch.isEmpty() || System.nanoTime() < windowEnds));
        return batch;
    }

    private void deliver(List<Message> batch) {
        String event = events.create(batch);
        InvocationResult result = function.invoke(event, Admission.WAIT).join();
        List<String> ids = batch.stream().map(Message::messageId).toList();
        Set<String> succeeded = BatchOutcome.succeeded(ids, result, definition.reportBatchItemFailures());
        List<DeleteMessageBatchRequestEntry> entries = batch.stream()
                .filter(m -> succeeded.contains(m.messageId()))
                .map(m -> DeleteMessageBatchRequestEntry.builder()
                        .id(m.messageId())
                        .receiptHandle(m.receiptHandle())
                        .build())
                .toList();
        // DeleteMessageBatch takes at most 10 entries
        for (int from = 0; from < entries.size(); from += MAX_PER_RECEIVE) {
            List<DeleteMessageBatchRequestEntry> chunk =
                    entries.subList(from, Math.min(entries.size(), from + MAX_PER_RECEIVE));
            deletes.execute(() -> delete(chunk));
        }
    }

    private void delete(List<DeleteMessageBatchRequestEntry> chunk) {
        try {
            sqs.deleteMessageBatch(r -> r.queueUrl(queueUrl).entries(chunk));
        } catch (RuntimeException e) {
            // As when Lambda's delete fails: the messages come back after the visibility timeout,
            // and an idempotent worker finds their jobs finished.
            log.line("[" + function.configuration().functionName() + "] event source " + definition.eventName()
                    + ": could not delete " + chunk.size() + " processed message(s) ("
                    + e.getClass().getSimpleName() + "); they return after the visibility timeout");
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running.set(false);
        threads.shutdownNow();
        deletes.shutdown();
        try {
            threads.awaitTermination(2, TimeUnit.SECONDS);
            deletes.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
