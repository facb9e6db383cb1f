package fiblab.local.runtime;

import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.fasterxml.jackson.jr.ob.JSON;
import fiblab.local.log.LogSink;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A function hosted in this JVM as Lambda hosts it: an event's JSON is turned into the handler's
 * typed event by the runtime's serializers, the handler runs on one of the function's instances
 * with the function's {@code Timeout} enforced, and every invocation logs Lambda's
 * {@code START}, {@code END} and {@code REPORT} lines ({@code Init Duration} on a cold start).
 */
public final class LambdaFunction implements AutoCloseable {

    private static final ScheduledThreadPoolExecutor TIMEOUTS = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "lambda-timeouts");
        t.setDaemon(true);
        return t;
    });

    static {
        TIMEOUTS.setRemoveOnCancelPolicy(true);
    }

    private final FunctionConfiguration configuration;
    private final HandlerReference handler;
    private final LocalLambdaLogger logger;
    private final InstancePool pool;

    public LambdaFunction(FunctionConfiguration configuration, HandlerReference handler, LogSink sink) {
        this.configuration = configuration;
        this.handler = handler;
        LogLevel level = LocalLambdaLogger.parse(configuration.environment().get("AWS_LAMBDA_LOG_LEVEL"));
        this.logger = new LocalLambdaLogger(sink, configuration.functionName(), level);
        this.pool = new InstancePool(configuration.functionName(), configuration.concurrency());
        // The serializers' static set-up (Jackson, the event mixins) runs here, on the host's thread:
        // run first inside an invocation, a timeout's Thread.stop could land in a static initialiser
        // and leave that class unusable for every later function in this JVM.
        prepareSerializer(handler.inputType());
        prepareSerializer(handler.outputType());
    }

    private static void prepareSerializer(Class<?> type) {
        if (type != String.class && type != Object.class && type != void.class && type != Void.class) {
            LambdaSerializers.serializerFor(type);
        }
    }

    public FunctionConfiguration configuration() {
        return configuration;
    }

    /** How many execution environments were started so far (each one a cold start). */
    public int coldStarts() {
        return pool.instancesCreated();
    }

    /**
     * Invokes the function with an event's JSON. The future completes when the handler returns,
     * throws, or runs past the function's {@code Timeout}, whichever comes first.
     */
    public CompletableFuture<InvocationResult> invoke(String eventJson, Admission admission) {
        String requestId = UUID.randomUUID().toString();
        FunctionInstance instance;
        try {
            instance = pool.acquire(admission);
        } catch (ThrottledException e) {
            logger.platform(e.getMessage());
            return CompletableFuture.completedFuture(new InvocationResult(
                    requestId,
                    InvocationResult.Status.THROTTLED,
                    errorJson(e.getMessage(), "TooManyRequestsException", null),
                    Duration.ZERO));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<InvocationResult> result = new CompletableFuture<>();
        try {
            instance.thread().execute(() -> run(instance, requestId, eventJson, result));
        } catch (RejectedExecutionException e) {
            pool.release(instance, false);
            result.completeExceptionally(e);
        }
        return result;
    }

    private void run(
            FunctionInstance instance, String requestId, String eventJson, CompletableFuture<InvocationResult> result) {
        if (!instance.isInitialised()) {
            try {
                instance.initialise(handler, configuration.environment());
            } catch (Throwable e) {
                logger.platform("INIT_REPORT Status: error\tError Type: Runtime.InitError\t" + e);
                pool.release(instance, false);
                result.complete(new InvocationResult(
                        requestId,
                        InvocationResult.Status.INIT_ERROR,
                        errorJson(String.valueOf(e.getMessage()), e.getClass().getName(), e),
                        Duration.ZERO));
                return;
            }
        }
        long initNanos = instance.takeInitNanos();
        logger.platform("START RequestId: " + requestId + " Version: $LATEST");
        long start = System.nanoTime();
        long timeoutNanos = configuration.timeout().toNanos();
        Thread worker = Thread.currentThread();
        AtomicBoolean settled = new AtomicBoolean();
        ScheduledFuture<?> timer = TIMEOUTS.schedule(
                () -> {
                    if (settled.compareAndSet(false, true)) {
                        InvocationResult timeout = timedOut(requestId);
                        worker.interrupt();
                        TIMEOUTS.schedule(() -> EnvironmentShutdown.stop(worker), 100, TimeUnit.MILLISECONDS);
                        report(requestId, System.nanoTime() - start, initNanos, "timeout");
                        // Lambda throws the execution environment away; the thread may still burn CPU until it ends
                        pool.release(instance, false);
                        result.complete(timeout);
                    }
                },
                timeoutNanos,
                TimeUnit.NANOSECONDS);
        LocalLambdaContext context = new LocalLambdaContext(requestId, configuration, start + timeoutNanos, logger);
        InvocationResult outcome;
        try {
            Object event = LambdaSerializers.fromJson(eventJson, handler.inputType());
            Object response = handler.method().invoke(instance.handler(), event, context);
            String json = LambdaSerializers.toJson(response, handler.outputType());
            outcome = new InvocationResult(requestId, InvocationResult.Status.SUCCESS, json, elapsed(start));
        } catch (Throwable e) {
            Throwable cause = e instanceof InvocationTargetException ite && ite.getCause() != null ? ite.getCause() : e;
            String error = errorJson(
                    String.valueOf(cause.getMessage()), cause.getClass().getName(), cause);
            outcome = new InvocationResult(requestId, InvocationResult.Status.ERROR, error, elapsed(start));
            if (!settled.get()) {
                logger.platform(error);
            }
        }
        timer.cancel(false);
        if (settled.compareAndSet(false, true)) {
            report(requestId, System.nanoTime() - start, initNanos, null);
            // released before the caller hears back, so a caller's next request finds the instance warm
            pool.release(instance, true);
            result.complete(outcome);
        }
    }

    private InvocationResult timedOut(String requestId) {
        String message = Instant.now() + " " + requestId + " Task timed out after "
                + String.format(Locale.ROOT, "%.2f", configuration.timeout().toMillis() / 1000.0) + " seconds";
        logger.platform(message);
        return new InvocationResult(
                requestId,
                InvocationResult.Status.TIMEOUT,
                errorJson(message, "Sandbox.Timedout", null),
                configuration.timeout());
    }

    private void report(String requestId, long durationNanos, long initNanos, String status) {
        logger.platform("END RequestId: " + requestId);
        Runtime runtime = Runtime.getRuntime();
        long usedMb = (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
        StringBuilder line = new StringBuilder("REPORT RequestId: ")
                .append(requestId)
                .append("\tDuration: ")
                .append(String.format(Locale.ROOT, "%.2f", durationNanos / 1e6))
                .append(" ms")
                .append("\tBilled Duration: ")
                .append((long) Math.ceil(durationNanos / 1e6))
                .append(" ms")
                .append("\tMemory Size: ")
                .append(configuration.memorySizeMb())
                .append(" MB")
                .append("\tMax Memory Used: ")
                .append(usedMb)
                .append(" MB");
        if (initNanos >= 0) {
            line.append("\tInit Duration: ")
                    .append(String.format(Locale.ROOT, "%.2f", initNanos / 1e6))
                    .append(" ms");
        }
        if (status != null) {
            line.append("\tStatus: ").append(status);
        }
        logger.platform(line.toString());
    }

    private static Duration elapsed(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    static String errorJson(String message, String type, Throwable error) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("errorMessage", message);
        body.put("errorType", type);
        if (error != null) {
            List<String> stack = Arrays.stream(error.getStackTrace())
                    .limit(20)
                    .map(String::valueOf)
                    .toList();
            body.put("stackTrace", stack);
        }
        try {
            return JSON.std.asString(body);
        } catch (IOException e) {
            return "{\"errorMessage\":\"" + type + "\"}";
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
