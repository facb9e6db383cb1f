package fiblab.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The exact command line of a run, as results.json records it and the page's "reproduce this" box shows it. */
final class CommandLineRecord {

    static final String LAUNCHER = "report-site/bench.sh";
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private CommandLineRecord() {}

    static Map<String, Object> of(List<String> arguments) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("arguments", List.copyOf(arguments));
        StringBuilder shell = new StringBuilder(LAUNCHER);
        arguments.forEach(a -> shell.append(' ').append(quote(a)));
        map.put("shell", shell.toString());
        return map;
    }

    /** Single-quotes an argument for a POSIX shell unless it needs no quoting. */
    static String quote(String argument) {
        if (!argument.isEmpty() && PLAIN.matcher(argument).matches()) {
            return argument;
        }
        return "'" + argument.replace("'", "'\\''") + "'";
    }
}
