package fiblab.bench;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Which API is measured: the local stack (default), an API URL, or a deployed stack. */
final class TargetOptions {

    @Option(
            names = "--url",
            paramLabel = "URL",
            description = "Benchmark the API at this base URL instead of starting the local stack.")
    URI url;

    @Option(
            names = "--stack-name",
            paramLabel = "NAME",
            description =
                    "Benchmark a deployed stack: its ApiUrl output is read with `aws cloudformation describe-stacks`.")
    String stackName;

    @Option(
            names = "--region",
            paramLabel = "REGION",
            description = "AWS region for --stack-name (default: the AWS CLI's).")
    String region;

    @Option(
            names = "--template",
            paramLabel = "FILE",
            description = "template.yaml for the local stack (default: the repository's).")
    Path template;

    @Option(
            names = {"-P", "--parameter"},
            paramLabel = "KEY=VALUE",
            description =
                    "Template parameter override for the local stack (e.g. InlineNaiveMaxN=40); with --url, recorded as stated.")
    Map<String, String> parameters = new LinkedHashMap<>();

    void validate(OptionChecks check) {
        check.require(url == null || stackName == null, "--url and --stack-name exclude each other: give one");
        check.require(
                url == null
                        || ("http".equals(url.getScheme()) || "https".equals(url.getScheme())) && url.getHost() != null,
                "--url must be an http(s) URL with a host, e.g. http://127.0.0.1:3000; was " + url);
    }
}
