package fiblab.bench.coldstart;

import fiblab.aws.AwsClients;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The class path of a cold-start sample: the functions' jar and runtime dependencies (what Lambda
 * loads), the Lambda runtime's serializers, and exactly one SDK HTTP client, plus the probe class
 * copied out of the benchmark. The list of jars is written at build time (report-site's pom,
 * maven-dependency-plugin) into {@value #RESOURCE}.
 */
public final class ProbeClasspath {

    static final String RESOURCE = "fiblab/bench/coldstart/function-classpath.txt";
    public static final String URL_CONNECTION = AwsClients.URL_CONNECTION;
    public static final String CRT = AwsClients.CRT;
    public static final List<String> CLIENTS = AwsClients.HTTP_CLIENTS;

    private ProbeClasspath() {}

    /** The jars listed at build time; fails with a pointer to the build when they are gone. */
    public static List<Path> listedJars() {
        try (InputStream in = ProbeClasspath.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing: build with mvn -pl report-site -am package");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            List<Path> jars = Arrays.stream(text.split(File.pathSeparator))
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .map(Path::of)
                    .toList();
            for (Path jar : jars) {
                if (!Files.exists(jar)) {
                    throw new IllegalStateException("cold-start class path entry " + jar
                            + " does not exist: rebuild with mvn -pl report-site -am package");
                }
            }
            return jars;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The listed jars with only the given HTTP client's jars, then the probe directory. */
    public static String forClient(List<Path> jars, String client, Path probeDirectory) {
        if (!CLIENTS.contains(client)) {
            throw new IllegalArgumentException(
                    "unknown HTTP client '" + client + "'; valid: " + String.join(", ", CLIENTS));
        }
        List<String> entries = new ArrayList<>();
        for (Path jar : jars) {
            String name = jar.getFileName().toString();
            boolean crtJar = name.startsWith("aws-crt") || name.startsWith("crt-core");
            boolean urlJar = name.startsWith("url-connection-client");
            if (CRT.equals(client) ? urlJar : crtJar) {
                continue;
            }
            entries.add(jar.toString());
        }
        entries.add(probeDirectory.toString());
        return String.join(File.pathSeparator, entries);
    }

    /** Copies the probe class out of the benchmark (a directory or the 54 MB jar) into a directory of its own. */
    public static Path extractProbe(Path directory) throws IOException {
        String name = ColdStartProbe.class.getName().replace('.', '/') + ".class";
        Path target = directory.resolve(name);
        Files.createDirectories(target.getParent());
        try (InputStream in = ColdStartProbe.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("cannot find " + name + " on the benchmark's class path");
            }
            Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return directory;
    }
}
