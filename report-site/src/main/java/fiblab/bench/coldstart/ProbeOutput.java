package fiblab.bench.coldstart;

import com.fasterxml.jackson.jr.ob.JSON;
import fiblab.bench.result.ColdStart.Sample;
import java.io.IOException;
import java.util.Optional;

/** Finds the probe's result line among whatever the child printed (the functions log to standard output too). */
public final class ProbeOutput {

    /**
     * Strict, like the results file: a field the probe prints that {@link Sample} does not know makes
     * the line unreadable, so the sample fails in the cold-start test rather than losing the field.
     */
    private static final JSON READER = JSON.std.with(JSON.Feature.FAIL_ON_UNKNOWN_BEAN_PROPERTY);

    private ProbeOutput() {}

    /**
     * What {@link ColdStartProbe} printed after the last {@link ColdStartProbe#MARKER}: a sample that
     * holds the probe's timings, class counts and two responses, and none of what the harness adds
     * ({@link Sample#measured}); or empty if there is no such line, or it is not JSON, or it holds a
     * field {@link Sample} does not know.
     */
    public static Optional<Sample> parse(String output) {
        Sample found = null;
        for (String line : output.split("\\R")) {
            if (line.startsWith(ColdStartProbe.MARKER)) {
                try {
                    found = READER.beanFrom(Sample.class, line.substring(ColdStartProbe.MARKER.length()));
                } catch (IOException unreadable) {
                    found = null;
                }
            }
        }
        return Optional.ofNullable(found);
    }
}
