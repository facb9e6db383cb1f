package fiblab.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import fiblab.api.ApiError;
import fiblab.api.FibApi;
import fiblab.api.HttpRequest;
import fiblab.api.HttpResponse;
import fiblab.aws.CallBudget;
import fiblab.config.Settings;
import fiblab.fib.Deadline;
import fiblab.observe.Metrics;
import fiblab.observe.StructuredLogger;
import fiblab.snapstart.SnapStartHooks;
import java.util.List;
import java.util.Map;
import org.crac.Resource;

/**
 * The HTTP API function: turns the API Gateway event into a core request, and the core's answer
 * into the response. An unexpected failure is logged with its stack and answered with a generic
 * 500 body that carries the request id, never the stack.
 */
public final class ApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>, Resource {

    /** Time kept back from an inline computation for answering. */
    static final long TIME_RESERVE_MILLIS = 1_000;

    private final FibApi api;
    private final StructuredLogger log;
    private final CallBudget budget;
    private final SnapStartHooks adapterHooks;

    /** Lambda's constructor. */
    public ApiHandler() {
        this(System.getenv());
    }

    /** For hosts that pass the function's environment explicitly, such as the local stack. */
    public ApiHandler(Map<String, String> environment) {
        this(new Settings(environment));
    }

    private ApiHandler(Settings settings) {
        this(settings, new CallBudget());
    }

    private ApiHandler(Settings settings, CallBudget budget) {
        this(Components.api(settings, budget), Components.logger(settings, "fiblab-api"), budget);
    }

    private ApiHandler(Components.Built<FibApi> built, StructuredLogger log, CallBudget budget) {
        this(built.core(), log, budget, built.adapters());
    }

    /** With no adapters to prime: what the handler tests build around in-memory ports. */
    public ApiHandler(FibApi api, StructuredLogger log) {
        this(api, log, CallBudget.unbounded(), List.of());
    }

    /**
     * @param budget the adapters' call budget, started at each invocation
     * @param adapters the adapters under the core, whose SnapStart hooks run before the handler's own
     */
    public ApiHandler(FibApi api, StructuredLogger log, CallBudget budget, List<? extends Resource> adapters) {
        this.api = api;
        this.log = log;
        this.budget = budget;
        this.adapterHooks = new SnapStartHooks(adapters);
        SnapStartHooks.register(this);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        StructuredLogger requestLog = log.with("requestId", context.getAwsRequestId());
        budget.startInvocation(context.getRemainingTimeInMillis());
        HttpRequest request = ApiEvents.toRequest(event);
        HttpResponse response;
        try {
            response = api.handle(request, deadline(context));
        } catch (RuntimeException unexpected) {
            requestLog.error("unexpected failure", unexpected, "method", request.method(), "path", request.path());
            response = HttpResponse.error(
                    ApiError.INTERNAL_ERROR,
                    "an unexpected error occurred; it was logged with request id " + context.getAwsRequestId(),
                    Map.of());
        }
        String location = response.headers().get("location");
        requestLog.info(
                "request",
                "method",
                request.method(),
                "path",
                request.path(),
                "status",
                response.status(),
                "jobId",
                location == null ? null : location.substring(location.lastIndexOf('/') + 1),
                "cause",
                response.cause());
        return ApiEvents.toResponse(response);
    }

    /** Gives up a second before Lambda would end the invocation, so the client gets a JSON 504, not a bare 500. */
    private static Deadline deadline(Context context) {
        return Deadline.inMillis(context.getRemainingTimeInMillis() - TIME_RESERVE_MILLIS);
    }

    /**
     * Priming for SnapStart: run the request paths that touch no state (inline naive and fast,
     * a status read of a job that does not exist) so that their classes are loaded and compiled
     * in the snapshot. The adapters prime their own clients, first.
     */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) throws Exception {
        adapterHooks.beforeCheckpoint(context);
        // Priming computes for real but records nothing: its timings are not requests of any client.
        FibApi api = this.api.withMetrics(Metrics.NONE);
        for (int i = 0; i < 50; i++) {
            api.handle(new HttpRequest("GET", "/fib/20", Map.of("algorithm", "naive"), Map.of(), null));
            api.handle(new HttpRequest("GET", "/fib/2000", Map.of("algorithm", "fast"), Map.of(), null));
        }
        ApiEvents.toResponse(api.handle(
                new HttpRequest("GET", "/jobs/00000000-0000-4000-8000-000000000000", Map.of(), Map.of(), null)));
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) throws Exception {
        adapterHooks.afterRestore(context);
        log.info("restored from a SnapStart snapshot");
    }
}
