package fiblab.local;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * fiblab's template parameters that bound what a deployed stack may spend (stage throttles,
 * reserved concurrency, the job backlog), and values that lift them for runs that measure the
 * application itself on one machine: the benchmark and the functional end-to-end tests. The local
 * stack honours the template's defaults unless a run asks for these.
 */
public final class DeployLimits {

    /** API Gateway's account-level ceiling per Region: 10,000 requests/s, burst 5,000. */
    private static final String RATE = "10000";

    private static final String BURST = "5000";

    /** Lifted values, by parameter name, as {@code --parameter-overrides} takes them. */
    public static final Map<String, String> LIFTED;

    static {
        Map<String, String> lifted = new LinkedHashMap<>();
        for (String route : new String[] {"Read", "Inline", "Submit", "CatchAll"}) {
            lifted.put(route + "RateLimit", RATE);
            lifted.put(route + "BurstLimit", BURST);
        }
        // Lambda's default account concurrency, what an unreserved function could use before
        lifted.put("ApiReservedConcurrency", "1000");
        // the worker's MaximumConcurrency before it followed the reservation
        lifted.put("WorkerReservedConcurrency", "10");
        lifted.put("QueueBacklogLimit", "1000000");
        LIFTED = Map.copyOf(lifted);
    }

    private DeployLimits() {}

    /** {@code options} with every deploy limit lifted, except those it already overrides. */
    public static LocalStackOptions lift(LocalStackOptions options) {
        LocalStackOptions lifted = options;
        for (Map.Entry<String, String> entry : LIFTED.entrySet()) {
            if (!options.parameterOverrides().containsKey(entry.getKey())) {
                lifted = lifted.withParameter(entry.getKey(), entry.getValue());
            }
        }
        return lifted;
    }
}
