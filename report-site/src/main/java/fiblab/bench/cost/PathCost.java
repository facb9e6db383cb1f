package fiblab.bench.cost;

import fiblab.bench.result.Cost;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The cost of a million requests (inline) or jobs (async) of one path, line by line. */
public record PathCost(String path, String per, List<LineItem> lines) {

    public double totalPerMillion() {
        return lines.stream().mapToDouble(LineItem::costPerMillion).sum();
    }

    /** Cost per million by service, largest first. */
    public Map<String, Double> byService() {
        Map<String, Double> sums = new TreeMap<>();
        lines.forEach(l -> sums.merge(l.service(), l.costPerMillion(), Double::sum));
        Map<String, Double> sorted = new LinkedHashMap<>();
        sums.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /** One sentence: which service and which line cost the most. */
    public String dominant() {
        double total = totalPerMillion();
        Map.Entry<String, Double> top = byService().entrySet().iterator().next();
        LineItem line = lines.stream()
                .max(Comparator.comparingDouble(LineItem::costPerMillion))
                .orElseThrow();
        return String.format(
                Locale.ROOT,
                "%s dominates the %s path: $%.2f of $%.2f per million %ss (%.0f %%); the largest line is %s ($%.2f).",
                top.getKey(),
                path,
                top.getValue(),
                total,
                per,
                100 * top.getValue() / total,
                line.item(),
                line.costPerMillion());
    }

    /** This path's cost as results.json records it. */
    public Cost.PathCost record() {
        Map<String, Double> services = new LinkedHashMap<>();
        byService().forEach((k, v) -> services.put(k, LineItem.round(v, 6)));
        return new Cost.PathCost(
                path,
                per,
                lines.stream().map(LineItem::record).toList(),
                services,
                LineItem.round(totalPerMillion(), 6),
                dominant());
    }
}
