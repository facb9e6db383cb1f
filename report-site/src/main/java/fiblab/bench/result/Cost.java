package fiblab.bench.result;

import java.util.List;
import java.util.Map;

/**
 * The cost estimate of results.json: the prices it used, the measured basis taken from the seed
 * run and the template, the assumptions in words, and each path's cost per million line by line.
 */
public record Cost(Prices prices, Basis basis, List<String> assumptions, List<PathCost> paths) {

    /** The price file as it was used: one region, the date the prices were checked, a source per price. */
    public record Prices(
            String region,
            String currency,
            String checked,
            String note,
            String howObtained,
            Map<String, Price> prices) {}

    /** What {@code per} units cost, in US dollars, and where the figure comes from. */
    public record Price(double usd, double per, String unit, String description, String source) {}

    /** What the estimate stands on: the seed run's billed durations and the template's sizes. */
    public record Basis(
            String run,
            int n,
            String template,
            String apiFunction,
            int apiMemoryMb,
            String workerFunction,
            int workerMemoryMb,
            int batchSize,
            double inlineBilledMillis,
            double submitBilledMillis,
            double pollsPerJob,
            double pollBilledMillis,
            double workerMillisPerJob,
            long jobItemBytes,
            long resultItemBytes,
            long messageBytes) {}

    /**
     * The cost of a million requests (inline) or jobs (async) of one path.
     *
     * @param byService cost per million by service, largest first
     * @param dominant  one sentence: which service and which line cost the most
     */
    public record PathCost(
            String path,
            String per,
            List<Line> lines,
            Map<String, Double> byService,
            double totalPerMillionUsd,
            String dominant) {}

    /** One billed thing a path does, per million requests (or jobs). */
    public record Line(
            String service,
            String item,
            double unitsPerMillion,
            String unit,
            String priceKey,
            double unitPriceUsd,
            double unitPricePer,
            double costPerMillionUsd) {}
}
