package fiblab.bench.cost;

import com.fasterxml.jackson.jr.ob.JSON;
import fiblab.bench.result.Cost;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The AWS prices the cost estimate uses, from {@code fiblab/bench/prices/aws-prices.json}: one
 * region, the date they were checked, and a source URL for each. A price without a date or a source
 * is refused, so the report can never show one.
 */
public record PriceList(
        String region, String currency, LocalDate checked, String note, String howObtained, Map<String, Price> prices) {

    static final String RESOURCE = "fiblab/bench/prices/aws-prices.json";

    /**
     * @param usd  what {@code per} units cost
     * @param unit e.g. {@code requests}, {@code GB-seconds}
     */
    public record Price(double usd, double per, String unit, String description, String source) {

        public double costOf(double units) {
            return units * usd / per;
        }
    }

    public static PriceList load() {
        try (InputStream in = PriceList.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing price file " + RESOURCE);
            }
            return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a price file; every price needs a positive amount, a unit and an http(s) source, the file a date. */
    public static PriceList parse(String json) throws IOException {
        Map<String, Object> root = JSON.std.mapFrom(json);
        LocalDate checked;
        try {
            checked = LocalDate.parse(String.valueOf(root.get("checked")));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "price file: 'checked' must be the date the prices were checked (YYYY-MM-DD); was "
                            + root.get("checked"));
        }
        Map<String, Price> prices = new LinkedHashMap<>();
        if (!(root.get("prices") instanceof Map<?, ?> entries) || entries.isEmpty()) {
            throw new IllegalArgumentException("price file: no prices");
        }
        entries.forEach((key, value) -> {
            Map<?, ?> p = (Map<?, ?>) value;
            String source = String.valueOf(p.get("source"));
            if (!source.startsWith("https://") && !source.startsWith("http://")) {
                throw new IllegalArgumentException("price file: " + key + " has no source URL");
            }
            if (!(p.get("usd") instanceof Number usd)
                    || usd.doubleValue() <= 0
                    || !(p.get("per") instanceof Number per)
                    || per.doubleValue() <= 0
                    || p.get("unit") == null) {
                throw new IllegalArgumentException(
                        "price file: " + key + " needs a positive usd, a positive per and a unit");
            }
            prices.put(
                    String.valueOf(key),
                    new Price(
                            usd.doubleValue(),
                            per.doubleValue(),
                            String.valueOf(p.get("unit")),
                            String.valueOf(p.get("description")),
                            source));
        });
        return new PriceList(
                String.valueOf(root.get("region")),
                String.valueOf(root.get("currency")),
                checked,
                String.valueOf(root.get("note")),
                String.valueOf(root.get("howObtained")),
                java.util.Collections.unmodifiableMap(prices));
    }

    public Price price(String key) {
        Price price = prices.get(key);
        if (price == null) {
            throw new IllegalArgumentException("price file has no price '" + key + "'");
        }
        return price;
    }

    /** The prices as results.json records them. */
    public Cost.Prices record() {
        Map<String, Cost.Price> list = new LinkedHashMap<>();
        prices.forEach(
                (key, p) -> list.put(key, new Cost.Price(p.usd(), p.per(), p.unit(), p.description(), p.source())));
        return new Cost.Prices(region, currency, checked.toString(), note, howObtained, list);
    }
}
