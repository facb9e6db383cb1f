package fiblab.bench.cost;

import fiblab.bench.result.WorstCase;
import fiblab.local.template.FunctionDefinition;
import fiblab.local.template.SamTemplate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The most a deployed fiblab stack can spend in one hour of sustained abuse at its template's
 * parameter values, from the price file: every throttled route used at its rate (bursts are a
 * one-off, not per hour), both functions busy at their reserved concurrency for the whole hour,
 * every admitted job a fast one of the largest n (the biggest items), every status read of such a
 * job. What it leaves out is listed by {@link #notIncluded()}.
 */
public final class WorstCaseSpend {

    private static final double SECONDS_PER_HOUR = 3600;
    /** fib(n) has about n × log10(φ) decimal digits, one byte each in the item. */
    private static final double DIGITS_PER_N = 0.20898764;

    /** The template parameters the figure reads, and the bursts the page quotes beside their rates. */
    public static final List<String> PARAMETERS = List.of(
            "ReadRateLimit",
            "InlineRateLimit",
            "InlineBurstLimit",
            "SubmitRateLimit",
            "SubmitBurstLimit",
            "CatchAllRateLimit",
            "ApiReservedConcurrency",
            "WorkerReservedConcurrency",
            "MaxReceiveCount",
            "FastMaxN");

    private WorstCaseSpend() {}

    /**
     * The worst case of {@code templateFile} at its defaults plus {@code overrides} (the user's explicit
     * {@code -P}, never the limits a local stack lifts for benchmarking), as results.json records it.
     */
    public static WorstCase of(Path templateFile, Map<String, String> overrides, PriceList prices) {
        SamTemplate template = SamTemplate.load(templateFile, overrides);
        List<HourlyItem> items = perHour(template, prices);
        Map<String, String> read = new LinkedHashMap<>();
        PARAMETERS.forEach(name -> read.put(name, template.parameters().get(name)));
        return new WorstCase(
                String.valueOf(templateFile.getFileName()),
                new LinkedHashMap<>(overrides),
                read,
                prices.region(),
                prices.checked().toString(),
                items.stream()
                        .map(i -> new WorstCase.Item(
                                i.service(),
                                i.item(),
                                i.unitsPerHour(),
                                i.price().unit(),
                                i.usdPerHour()))
                        .toList(),
                total(items),
                notIncluded(),
                transferOutGbPerHour(template));
    }

    /** One billed thing for one hour: units of its price key. */
    public record HourlyItem(String service, String item, double unitsPerHour, PriceList.Price price) {

        public double usdPerHour() {
            return price.costOf(unitsPerHour);
        }
    }

    public static List<HourlyItem> perHour(SamTemplate template, PriceList prices) {
        Map<String, String> p = template.parameters();
        double readRate = number(p, "ReadRateLimit");
        double inlineRate = number(p, "InlineRateLimit");
        double submitRate = number(p, "SubmitRateLimit");
        double catchAllRate = number(p, "CatchAllRateLimit");
        double apiRequests = (readRate + inlineRate + submitRate + catchAllRate) * SECONDS_PER_HOUR;
        double jobs = submitRate * SECONDS_PER_HOUR;
        double receives = number(p, "MaxReceiveCount");
        double itemKb = Math.ceil(number(p, "FastMaxN") * DIGITS_PER_N / 1024 + 1);

        List<HourlyItem> items = new ArrayList<>();
        items.add(new HourlyItem(
                "API Gateway",
                "every route at its throttle rate (" + fmt(readRate + inlineRate + submitRate + catchAllRate)
                        + " requests/s)",
                apiRequests,
                prices.prices().get("httpApiRequest")));
        FunctionDefinition api = function(template, "ApiFunction");
        FunctionDefinition worker = function(template, "WorkerFunction");
        items.add(busyFunction(api, number(p, "ApiReservedConcurrency"), prices));
        items.add(busyFunction(worker, number(p, "WorkerReservedConcurrency"), prices));
        items.add(new HourlyItem(
                "Lambda",
                "requests: one API invocation per API request, one worker invocation per job delivery",
                apiRequests + jobs * receives,
                prices.prices().get("lambdaRequest")));
        items.add(new HourlyItem(
                "SQS",
                "per job: send, then per delivery a receive and a visibility change, a delete; backlog reads every"
                        + " 5 s per API instance",
                jobs * (2 + 2 * receives) + number(p, "ApiReservedConcurrency") * SECONDS_PER_HOUR / 5,
                prices.prices().get("sqsRequest")));
        items.add(new HourlyItem(
                "DynamoDB",
                "writes per job: the PENDING put, a claim per delivery, the result (" + fmt(itemKb) + " KB)",
                jobs * (1 + receives + itemKb),
                prices.prices().get("dynamoDbWrite")));
        items.add(new HourlyItem(
                "DynamoDB",
                "reads: every status read at the read rate returns the largest item",
                readRate * SECONDS_PER_HOUR * Math.ceil(itemKb / 4) + jobs * receives,
                prices.prices().get("dynamoDbRead")));
        return items;
    }

    private static HourlyItem busyFunction(FunctionDefinition function, double concurrency, PriceList prices) {
        double gb = function.memorySizeMb() / 1024.0;
        return new HourlyItem(
                "Lambda",
                function.logicalId() + " duration: " + fmt(concurrency) + " instances busy all hour at "
                        + function.memorySizeMb() + " MB",
                concurrency * SECONDS_PER_HOUR * gb,
                prices.prices().get("lambdaGbSecond"));
    }

    public static double total(List<HourlyItem> items) {
        return items.stream().mapToDouble(HourlyItem::usdPerHour).sum();
    }

    /** What the figure does not count. */
    public static List<String> notIncluded() {
        return List.of(
                "CloudWatch Logs ingestion and storage, and the alarms (not in the price file)",
                "X-Ray traces (Tracing defaults to PassThrough)",
                "free tiers (ignored)",
                "data transfer out to the internet (not in the price file; its volume is given below the table)");
    }

    /**
     * Response bytes an hour at the worst: every status read and inline answer carrying the largest
     * fast value. Not priced: the price file has no data-transfer price.
     */
    public static double transferOutGbPerHour(SamTemplate template) {
        Map<String, String> p = template.parameters();
        double bytes = number(p, "FastMaxN") * DIGITS_PER_N;
        return (number(p, "ReadRateLimit") + number(p, "InlineRateLimit")) * SECONDS_PER_HOUR * bytes / 1e9;
    }

    private static FunctionDefinition function(SamTemplate template, String logicalId) {
        return template.functions().stream()
                .filter(f -> f.logicalId().equals(logicalId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the template has no " + logicalId));
    }

    private static double number(Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        if (value == null) {
            throw new IllegalArgumentException("the template has no parameter " + name);
        }
        return Double.parseDouble(value);
    }

    private static String fmt(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }

    /**
     * Prints the worst case as a Markdown table, for the README: {@code WorstCaseSpend [template.yaml]
     * [Name=value ...]} (parameter overrides as {@code sam deploy --parameter-overrides} takes them).
     */
    public static void main(String[] args) {
        Path file = Path.of(args.length > 0 ? args[0] : "template.yaml");
        Map<String, String> overrides = new java.util.LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] pair = args[i].split("=", 2);
            if (pair.length != 2) {
                System.err.println("error: expected Name=value, got " + args[i]);
                System.exit(2);
            }
            overrides.put(pair[0], pair[1]);
        }
        PriceList prices = PriceList.load();
        SamTemplate template = SamTemplate.load(file, overrides);
        List<HourlyItem> items = perHour(template, prices);
        System.out.println("| service | what | units per hour | USD per hour |");
        System.out.println("|---|---|---|---|");
        for (HourlyItem item : items) {
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %s | %,.0f %s | $%.2f |%n",
                    item.service(),
                    item.item(),
                    item.unitsPerHour(),
                    item.price().unit(),
                    item.usdPerHour());
        }
        System.out.printf(
                Locale.ROOT,
                "| **total** | prices of %s, %s (%s) | | **$%.2f** |%n",
                prices.region(),
                prices.checked(),
                "free tiers ignored",
                total(items));
        System.out.println();
        System.out.println("Not included: " + String.join("; ", notIncluded()) + ".");
        System.out.printf(
                Locale.ROOT,
                "Data transfer out at the worst: %.1f GB an hour (status reads and inline answers at their"
                        + " rates, each carrying the largest fast value).%n",
                transferOutGbPerHour(template));
    }
}
