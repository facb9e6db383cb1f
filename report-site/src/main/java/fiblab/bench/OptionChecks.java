package fiblab.bench;

import java.util.Collection;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** The checks every option group uses: a failed check names the option, what is allowed and what was given. */
final class OptionChecks {

    private final CommandLine commandLine;

    OptionChecks(CommandLine commandLine) {
        this.commandLine = commandLine;
    }

    void require(boolean condition, String message) {
        if (!condition) {
            throw new ParameterException(commandLine, message);
        }
    }

    void range(String option, long value, long min, long max) {
        require(value >= min && value <= max, option + " must be between " + min + " and " + max + "; was " + value);
    }

    void atLeast(String option, long value, long min) {
        require(value >= min, option + " must be at least " + min + "; was " + value);
    }

    void allInRange(String option, Collection<Integer> values, int min, int max) {
        require(
                !values.isEmpty() && values.stream().allMatch(v -> v >= min && v <= max),
                option + " values must be between " + min + " and " + max + "; were " + values);
    }
}
