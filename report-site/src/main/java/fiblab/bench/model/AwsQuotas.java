package fiblab.bench.model;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The AWS quotas and latencies the queueing model reads, from {@code fiblab/bench/model/aws-quotas.json}:
 * each with its value, unit, the page it came from and the date it was read. An entry without a
 * source or a date is refused, so a projection can never rest on a number of unknown origin.
 */
public record AwsQuotas(String region, String note, String howObtained, Map<String, Quota> quotas) {

    static final String RESOURCE = "fiblab/bench/model/aws-quotas.json";

    /**
     * @param documented false when AWS publishes no such number and the value is this project's
     *                   assumption (the note says so and why)
     * @param low        the lower end of a documented range, or NaN
     */
    public record Quota(
            double value,
            String unit,
            String description,
            boolean documented,
            String source,
            LocalDate retrieved,
            String note,
            double low) {}

    public static AwsQuotas load() {
        try (InputStream in = AwsQuotas.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing quota file " + RESOURCE);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a quota file; every entry needs a positive value, a unit, an http(s) source and a retrieval date. */
    public static AwsQuotas parse(String json) throws IOException {
        Map<String, Object> root = JSON.std.mapFrom(json);
        if (!(root.get("quotas") instanceof Map<?, ?> entries) || entries.isEmpty()) {
            throw new IllegalArgumentException("quota file: no quotas");
        }
        Map<String, Quota> quotas = new LinkedHashMap<>();
        entries.forEach((key, value) -> quotas.put(String.valueOf(key), entry(String.valueOf(key), (Map<?, ?>) value)));
        return new AwsQuotas(
                String.valueOf(root.get("region")),
                String.valueOf(root.get("note")),
                String.valueOf(root.get("howObtained")),
                Collections.unmodifiableMap(quotas));
    }

    private static Quota entry(String key, Map<?, ?> q) {
        String source = q.get("source") == null ? "" : String.valueOf(q.get("source"));
        if (!source.startsWith("https://") && !source.startsWith("http://")) {
            throw new IllegalArgumentException("quota file: " + key + " has no source URL");
        }
        LocalDate retrieved;
        try {
            retrieved = LocalDate.parse(String.valueOf(q.get("retrieved")));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("quota file: " + key
                    + " needs 'retrieved', the date it was read (YYYY-MM-DD); was " + q.get("retrieved"));
        }
        if (!(q.get("value") instanceof Number value) || value.doubleValue() <= 0 || q.get("unit") == null) {
            throw new IllegalArgumentException("quota file: " + key + " needs a positive value and a unit");
        }
        if (!(q.get("documented") instanceof Boolean documented)) {
            throw new IllegalArgumentException(
                    "quota file: " + key + " must say whether AWS documents it (documented: true|false)");
        }
        String note = q.get("note") == null ? "" : String.valueOf(q.get("note"));
        if (!documented && note.isBlank()) {
            throw new IllegalArgumentException("quota file: " + key
                    + " is not documented by AWS, so its note must say where the number came from");
        }
        return new Quota(
                value.doubleValue(),
                String.valueOf(q.get("unit")),
                String.valueOf(q.get("description")),
                documented,
                source,
                retrieved,
                note,
                q.get("low") instanceof Number low ? low.doubleValue() : Double.NaN);
    }

    public Quota quota(String key) {
        Quota quota = quotas.get(key);
        if (quota == null) {
            throw new IllegalArgumentException("quota file has no entry '" + key + "'");
        }
        return quota;
    }

    /** The value of an entry. */
    public double value(String key) {
        return quota(key).value();
    }
}
