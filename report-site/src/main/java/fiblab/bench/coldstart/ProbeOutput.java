package fiblab.bench.coldstart;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.util.Optional;

/** Finds the probe's result line among whatever the child printed (the functions log to standard output too). */
public final class ProbeOutput {

    /**
     * Strict, like the results file: a field the probe prints that {@link Result} does not know makes
     * the line unreadable, so the sample fails in the cold-start test rather than losing the field.
     */
    private static final JSON READER = JSON.std.with(JSON.Feature.FAIL_ON_UNKNOWN_BEAN_PROPERTY);

    private ProbeOutput() {}

    /** What {@link ColdStartProbe} prints after its marker: timings, class counts and the two responses. */
    public record Result(
            Long pid,
            Long jvmStartEpochMillis,
            Long jvmToMainMillis,
            Double initMillis,
            Double primingMillis,
            Double firstInvokeMillis,
            Double firstDeserializeMillis,
            Double secondInvokeMillis,
            Long jvmStartToFirstResponseMillis,
            Long classesAtMain,
            Long classesAfterInit,
            Long classesAfterPriming,
            Long classesAfterFirstInvoke,
            Long classesAfterSecondInvoke,
            String javaVersion,
            String firstResponse,
            String secondResponse) {}

    /**
     * The result of the last {@link ColdStartProbe#MARKER} line, or empty if there is none, or it is
     * not JSON, or it holds a field {@link Result} does not know.
     */
    public static Optional<Result> parse(String output) {
        Result found = null;
        for (String line : output.split("\\R")) {
            if (line.startsWith(ColdStartProbe.MARKER)) {
                try {
                    found = READER.beanFrom(Result.class, line.substring(ColdStartProbe.MARKER.length()));
                } catch (IOException unreadable) {
                    found = null;
                }
            }
        }
        return Optional.ofNullable(found);
    }
}
