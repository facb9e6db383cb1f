package fiblab.bench.overload;

import java.util.List;

/**
 * The overload scenario's results: each path's measured capacity and its steps.
 *
 * @param n                   naive fib(n) of every request and job
 * @param inlineCapacity      answers/s the inline path gave in the capacity probe
 * @param asyncCapacity       jobs/s the async path drained in the capacity probe
 * @param patienceSeconds     how long a client waits before it gives up
 * @param pollingPolicy       how the async client polled
 * @param target              what was measured
 * @param steps               inline steps then async steps, by multiple
 */
public record OverloadReport(
        int n,
        double inlineCapacity,
        double asyncCapacity,
        double patienceSeconds,
        double jobPatienceSeconds,
        String pollingPolicy,
        String target,
        List<OverloadStep> steps) {}
