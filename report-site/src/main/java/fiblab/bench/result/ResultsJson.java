package fiblab.bench.result;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Reads and writes results.json, the one source of every number the site shows. */
public final class ResultsJson {

    private static final JSON PRETTY = JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT);

    private ResultsJson() {}

    public static void write(Path file, Map<String, Object> results) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, PRETTY.asString(results) + "\n", StandardCharsets.UTF_8);
    }

    public static Map<String, Object> read(Path file) throws IOException {
        return JSON.std.mapFrom(Files.readString(file, StandardCharsets.UTF_8));
    }

    public static String toJson(Map<String, Object> results) throws IOException {
        return JSON.std.asString(results);
    }
}
