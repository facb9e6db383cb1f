package fiblab.bench.result;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Everything one benchmark session measured: the one source of every number the site shows.
 * {@link ResultsJson} writes it to results.json and reads it back into these same types.
 *
 * @param schema      the schema the file was written in ({@link ResultsJson#SCHEMA} for new runs)
 * @param commandLine null in schema-1 files, which did not record it
 * @param overhead    the load generator's own floor (a no-work route)
 * @param coldStart   the cold-start scenario, when it ran
 * @param cost        the cost estimate from the seed run, when a template was given
 * @param worstCaseSpend the deployed template's worst-case spend per hour, for a local run (null in
 *                    older files and for runs against --url or --stack-name)
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
        WorstCase worstCaseSpend,
        String finishedAt) {

    public Results withEnvironment(Environment environment) {
        return copy(environment, target, scenarios, worstCaseSpend);
    }

    public Results withTarget(TargetInfo target) {
        return copy(environment, target, scenarios, worstCaseSpend);
    }

    public Results withScenarios(List<ScenarioResult> scenarios) {
        return copy(environment, target, scenarios, worstCaseSpend);
    }

    public Results withWorstCaseSpend(WorstCase worstCaseSpend) {
        return copy(environment, target, scenarios, worstCaseSpend);
    }

    /** The one copy: every recorded field as it is, the ones a caller may replace as given. */
    private Results copy(
            Environment environment, TargetInfo target, List<ScenarioResult> scenarios, WorstCase worstCaseSpend) {
        return new Results(
                schema,
                commandLine,
                environment,
                target,
                settings,
                overhead,
                coldStart,
                scenarios,
                cost,
                worstCaseSpend,
                finishedAt);
    }

    /** The site-relative paths of every log these results name: the target's and each peer run's. */
    public Set<String> logs() {
        Set<String> logs = new TreeSet<>();
        if (target != null && target.logs() != null) {
            logs.addAll(target.logs());
        }
        if (scenarios != null) {
            scenarios.stream()
                    .flatMap(s -> s.runs() == null ? Stream.empty() : s.runs().stream())
                    .filter(r -> r.log() != null)
                    .forEach(r -> logs.add(r.log()));
        }
        return logs;
    }

    /** These results naming no log file (a kept run's copy leaves the logs out). */
    public Results withoutLogs() {
        return withTarget(target == null ? null : target.withoutLogs())
                .withScenarios(
                        scenarios == null
                                ? null
                                : scenarios.stream()
                                        .map(s -> s.runs() == null
                                                ? s
                                                : s.withRuns(s.runs().stream()
                                                        .map(Run::withoutLog)
                                                        .toList()))
                                        .toList());
    }
}
