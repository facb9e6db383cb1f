package fiblab.bench;

import fiblab.bench.result.CommandLine;
import java.util.List;
import java.util.regex.Pattern;

/** The exact command line of a run, as results.json records it and the page's "reproduce this" box shows it. */
final class CommandLineRecord {

    static final String LAUNCHER = "report-site/bench.sh";
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private CommandLineRecord() {}

    static CommandLine of(List<String> arguments) {
        StringBuilder shell = new StringBuilder(LAUNCHER);
        arguments.forEach(a -> shell.append(' ').append(quote(a)));
        return new CommandLine(List.copyOf(arguments), shell.toString());
    }

    /** Single-quotes an argument for a POSIX shell unless it needs no quoting. */
    static String quote(String argument) {
        if (!argument.isEmpty() && PLAIN.matcher(argument).matches()) {
            return argument;
        }
        return "'" + argument.replace("'", "'\\''") + "'";
    }
}
