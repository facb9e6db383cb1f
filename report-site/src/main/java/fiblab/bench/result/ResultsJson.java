package fiblab.bench.result;

import com.fasterxml.jackson.jr.ob.JSON;
import com.fasterxml.jackson.jr.ob.JSONObjectException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The one writer and reader of results.json: {@link Results} and its records go out as JSON and
 * come back as the same records. Reading is strict: a field the model does not know fails with
 * its name rather than being dropped, so a regenerated site can never silently lose a number.
 */
public final class ResultsJson {

    /**
     * The schema this benchmark writes. 2 added the command line, the open loop's achieved share of
     * its offered rate and the saturation flag; 3 added the overload scenario (its steps, the model's
     * validation and projection) and the polling comparison. Older files still open into the same
     * types (the page then says what they lack).
     */
    public static final int SCHEMA = 3;

    /** Every schema the site generator can render. */
    public static final List<Integer> READABLE = List.of(1, 2, 3);

    private static final JSON WRITER = JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT);
    private static final JSON COMPACT = JSON.std;
    private static final JSON READER = JSON.std.with(JSON.Feature.FAIL_ON_UNKNOWN_BEAN_PROPERTY);

    private ResultsJson() {}

    public static void write(Path file, Results results) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, WRITER.asString(results) + "\n", StandardCharsets.UTF_8);
    }

    /**
     * @throws UnreadableResultsException when the file is not JSON, not a results file of a schema in
     *     {@link #READABLE}, or holds a field this model does not know; the message names the file and
     *     the schema or field
     */
    public static Results read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Object schema = readTree(file, text).get("schema");
        try {
            return READER.beanFrom(Results.class, text);
        } catch (JSONObjectException e) {
            throw new UnreadableResultsException(file + " is a results file of schema " + schema
                    + " that this fiblab-bench cannot read into its results model: " + e.getOriginalMessage());
        }
    }

    /**
     * The file as the page sees it, a tree of maps and lists, after the same schema check as {@link
     * #read}: for tests and checks that compare the page with the file, never for the benchmark's own
     * use of its results.
     */
    public static Map<String, Object> readTree(Path file) throws IOException {
        return readTree(file, Files.readString(file, StandardCharsets.UTF_8));
    }

    private static Map<String, Object> readTree(Path file, String text) throws IOException {
        Map<String, Object> results;
        try {
            results = JSON.std.mapFrom(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UnreadableResultsException(
                    file + " is not JSON (" + e.getOriginalMessage() + "): not a fiblab results file");
        }
        if (results == null) {
            throw new UnreadableResultsException(file + " is empty: not a fiblab results file");
        }
        Object schema = results.get("schema");
        if (!(schema instanceof Number number)) {
            throw new UnreadableResultsException(file
                    + " has no \"schema\" field: not a fiblab results file (this fiblab-bench reads schemas "
                    + READABLE + ")");
        }
        if (!READABLE.contains(number.intValue()) || number.doubleValue() != number.intValue()) {
            throw new UnreadableResultsException(file + " is a results file of schema " + schema
                    + "; this fiblab-bench reads schemas " + READABLE + " (it writes schema " + SCHEMA
                    + "): regenerate it with the fiblab-bench that wrote it, or run the benchmark again");
        }
        return results;
    }

    /** One line of JSON, as the page's results.js embeds it. */
    public static String toJson(Object results) throws IOException {
        return COMPACT.asString(results);
    }

    /** A results file that this version cannot render, with a message that says why. */
    public static final class UnreadableResultsException extends IOException {
        public UnreadableResultsException(String message) {
            super(message);
        }
    }
}
