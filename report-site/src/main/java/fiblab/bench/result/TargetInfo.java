package fiblab.bench.result;

import java.util.List;
import java.util.Map;

/**
 * What was measured: the kind of target ({@code local}, {@code url}, {@code stack}), its API URL,
 * the template parameters it ran with, and the local stack's logs relative to the site.
 */
public record TargetInfo(
        String kind, String description, String url, Map<String, String> parameters, List<String> logs) {

    /** The same target without its logs: a kept or published copy leaves them out. */
    public TargetInfo withoutLogs() {
        return new TargetInfo(kind, description, url, parameters, List.of());
    }
}
