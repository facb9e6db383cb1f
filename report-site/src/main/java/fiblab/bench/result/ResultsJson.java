package fiblab.bench.result;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Reads and writes results.json, the one source of every number the site shows. */
public final class ResultsJson {

    /**
     * The schema this benchmark writes. 2 added the command line, the open loop's achieved share of
     * its offered rate and the saturation flag; a schema-1 file still opens (the page then says
     * what it lacks).
     */
    public static final int SCHEMA = 2;

    /** Every schema the site generator can render. */
    public static final List<Integer> READABLE = List.of(1, 2);

    private static final JSON PRETTY = JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT);

    private ResultsJson() {}

    public static void write(Path file, Map<String, Object> results) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, PRETTY.asString(results) + "\n", StandardCharsets.UTF_8);
    }

    /**
     * @throws UnreadableResultsException when the file is not JSON, or not a results file of a schema
     *     in {@link #READABLE}; the message names the file and the schema
     */
    public static Map<String, Object> read(Path file) throws IOException {
        Map<String, Object> results;
        try {
            results = JSON.std.mapFrom(Files.readString(file, StandardCharsets.UTF_8));
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

    public static String toJson(Map<String, Object> results) throws IOException {
        return JSON.std.asString(results);
    }

    /** A results file that this version cannot render, with a message that says why. */
    public static final class UnreadableResultsException extends IOException {
        public UnreadableResultsException(String message) {
            super(message);
        }
    }
}
