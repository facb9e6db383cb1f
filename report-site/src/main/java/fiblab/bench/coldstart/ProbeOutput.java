package fiblab.bench.coldstart;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/** Finds the probe's result line among whatever the child printed (the functions log to standard output too). */
public final class ProbeOutput {

    private ProbeOutput() {}

    /** The result object of the last {@link ColdStartProbe#MARKER} line, or empty if there is none or it is not JSON. */
    public static Optional<Map<String, Object>> parse(String output) {
        Map<String, Object> found = null;
        for (String line : output.split("\\R")) {
            if (line.startsWith(ColdStartProbe.MARKER)) {
                try {
                    found = JSON.std.mapFrom(line.substring(ColdStartProbe.MARKER.length()));
                } catch (IOException notJson) {
                    found = null;
                }
            }
        }
        return Optional.ofNullable(found);
    }
}
