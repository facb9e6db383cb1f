package fiblab.bench.result;

import java.util.List;

/**
 * Everything one benchmark session measured: the one source of every number the site shows.
 * {@link ResultsJson} writes it to results.json and reads it back into these same types.
 *
 * @param schema      the schema the file was written in ({@link ResultsJson#SCHEMA} for new runs)
 * @param commandLine null in schema-1 files, which did not record it
 * @param overhead    the load generator's own floor (a no-work route)
 * @param coldStart   the cold-start scenario, when it ran
 * @param cost        the cost estimate from the seed run, when a template was given
 */
public record Results(
        int schema,
        CommandLine commandLine,
        Environment environment,
        TargetInfo target,
        RunSettings settings,
        Run overhead,
        ColdStart coldStart,
        List<ScenarioResult> scenarios,
        Cost cost,
        String finishedAt) {

    public Results withEnvironment(Environment environment) {
        return new Results(
                schema, commandLine, environment, target, settings, overhead, coldStart, scenarios, cost, finishedAt);
    }

    public Results withTarget(TargetInfo target) {
        return new Results(
                schema, commandLine, environment, target, settings, overhead, coldStart, scenarios, cost, finishedAt);
    }

    public Results withScenarios(List<ScenarioResult> scenarios) {
        return new Results(
                schema, commandLine, environment, target, settings, overhead, coldStart, scenarios, cost, finishedAt);
    }
}
