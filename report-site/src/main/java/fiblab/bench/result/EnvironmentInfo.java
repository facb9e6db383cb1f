package fiblab.bench.result;

import fiblab.local.servers.BoundedCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** Where and when the numbers were measured: date, commit, CPU, cores, JDK, OS. */
public final class EnvironmentInfo {

    private static final Duration GIT_TIMEOUT = Duration.ofSeconds(10);

    private EnvironmentInfo() {}

    public static Environment collect(Path repository) {
        return new Environment(
                Instant.now().toString(),
                commit(repository),
                cpuModel(),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }

    static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8)) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux: fall through to what the JVM knows.
        }
        return System.getProperty("os.arch");
    }

    /** The checked-out commit, with "-dirty" when the work tree has changes; "unknown" without git. */
    static String commit(Path repository) {
        String head = git(repository, "rev-parse", "--short=12", "HEAD");
        if (head == null || head.isBlank()) {
            return "unknown";
        }
        String status = git(repository, "status", "--porcelain", "--untracked-files=no");
        return status == null || status.isBlank() ? head.trim() : head.trim() + "-dirty";
    }

    private static String git(Path repository, String... args) {
        String[] command = new String[args.length + 3];
        command[0] = "git";
        command[1] = "-C";
        command[2] = repository.toString();
        System.arraycopy(args, 0, command, 3, args.length);
        try {
            BoundedCommand.Result result =
                    BoundedCommand.run("git " + args[0], new ProcessBuilder(command), GIT_TIMEOUT);
            return result.succeeded() ? result.stdout() : null;
        } catch (IOException e) {
            return null; // no git, or it hung (then it was stopped): the commit reads "unknown"
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
