package fiblab.bench.result;

import java.util.List;
import java.util.Map;

/**
 * The most the benchmarked template could spend in an hour once deployed, from the price file: the
 * throttles and reserved concurrency of the template's own defaults plus the run's explicit {@code
 * -P} overrides, not the lifted limits the local stack ran with. Only a local run has it: a run
 * against {@code --url} or {@code --stack-name} has no template at hand.
 *
 * @param template     the template file the run used
 * @param overrides    the explicit {@code -P} overrides the figure includes (empty: the template's defaults)
 * @param parameters   the value of each parameter the figure reads, as the template resolved it
 * @param region       the price file's region
 * @param checked      the date the price file's prices were checked (YYYY-MM-DD)
 * @param notIncluded  what the figure does not count
 * @param transferOutGbPerHour response bytes an hour at the worst, not priced (the price file has no such price)
 */
public record WorstCase(
        String template,
        Map<String, String> overrides,
        Map<String, String> parameters,
        String region,
        String checked,
        List<Item> items,
        double totalUsdPerHour,
        List<String> notIncluded,
        double transferOutGbPerHour) {

    /** One billed thing for one hour: how many of its price's units, and what they cost. */
    public record Item(String service, String item, double unitsPerHour, String unit, double usdPerHour) {}
}
