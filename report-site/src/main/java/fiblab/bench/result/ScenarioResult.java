package fiblab.bench.result;

import java.util.List;

/**
 * One scenario of results.json: its name, what it measures, its runs, and the findings only its
 * kind has. Every kind-specific field is null for the other kinds and left out of the file, so a
 * new scenario kind adds its own nullable field here (typed, like {@code article} and {@code
 * expressOverFlaskThroughput} for the peers) and its producer fills it; the page ignores fields it
 * does not know.
 *
 * @param article                    peers: the article whose experiment they repeat
 * @param expressOverFlaskThroughput peers: Express's throughput over Flask's, as measured
 * @param settings                   throughput: how it ran
 * @param computeLimit               throughput: the machine's bare compute limit
 * @param inlineThroughput           throughput: inline against the limit
 * @param inlineThroughputExternal   throughput: the same load from wrk
 * @param flatness                   throughput: submit p99 at the largest n over the smallest
 * @param asyncThroughput            throughput: async jobs/s with a Retry-After client, against the limit
 * @param overload                   overload: the steps, the model's validation and its projection
 * @param polling                    polling: the polling policies compared
 */
public record ScenarioResult(
        String name,
        String description,
        List<Run> runs,
        Article article,
        Double expressOverFlaskThroughput,
        ThroughputFindings.Settings settings,
        ThroughputFindings.ComputeLimit computeLimit,
        ThroughputFindings.InlineThroughput inlineThroughput,
        ThroughputFindings.External inlineThroughputExternal,
        ThroughputFindings.Flatness flatness,
        ThroughputFindings.AsyncThroughput asyncThroughput,
        OverloadFindings.Overload overload,
        OverloadFindings.Polling polling) {

    /** A scenario whose findings are its runs alone (seed, open, sweep, fast), or that adds its own with a with-method. */
    public static ScenarioResult of(String name, String description, List<Run> runs) {
        return new ScenarioResult(name, description, runs, null, null, null, null, null, null, null, null, null, null);
    }

    public ScenarioResult withRuns(List<Run> runs) {
        return copy(runs, overload, polling);
    }

    public ScenarioResult withOverload(OverloadFindings.Overload overload) {
        return copy(runs, overload, polling);
    }

    public ScenarioResult withPolling(OverloadFindings.Polling polling) {
        return copy(runs, overload, polling);
    }

    /** The one copy: every field as it is, the ones a caller may replace as given. */
    private ScenarioResult copy(List<Run> runs, OverloadFindings.Overload overload, OverloadFindings.Polling polling) {
        return new ScenarioResult(
                name,
                description,
                runs,
                article,
                expressOverFlaskThroughput,
                settings,
                computeLimit,
                inlineThroughput,
                inlineThroughputExternal,
                flatness,
                asyncThroughput,
                overload,
                polling);
    }
}
