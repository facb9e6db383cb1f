package fiblab.bench.result;

import java.util.List;

/**
 * The exact command line of a run: its arguments, and the shell line the page's "reproduce this"
 * box shows. Absent from schema-1 files.
 */
public record CommandLine(List<String> arguments, String shell) {}
