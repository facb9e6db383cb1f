package fiblab.bench;

import fiblab.bench.publish.SitePublisher.S3Location;
import java.net.URI;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Publishing options: where the site is uploaded after it is written. They check themselves. */
final class PublishOptions {

    @Option(
            names = "--publish",
            paramLabel = "S3_URI",
            description = {
                "Upload the site (latest run, history and every kept run) to s3://BUCKET[/PREFIX] with content types and",
                "cache headers; the bucket of report-site/publish-template.yaml serves it through CloudFront."
            })
    String publish;

    @Option(
            names = "--publish-region",
            paramLabel = "REGION",
            description = "AWS region of the --publish bucket (default: the SDK's, e.g. AWS_REGION).")
    String region;

    @Option(
            names = "--publish-endpoint",
            paramLabel = "URL",
            description = "An S3-compatible server instead of AWS (path-style requests), e.g. http://127.0.0.1:4568.")
    URI endpoint;

    /** The target, or null when nothing is to be published; a malformed option is a parameter error. */
    S3Location validate(CommandSpec spec) {
        if (publish == null) {
            if (region != null || endpoint != null) {
                throw new ParameterException(
                        spec.commandLine(),
                        "--publish-region and --publish-endpoint need --publish s3://BUCKET[/PREFIX]");
            }
            return null;
        }
        if (endpoint != null
                && (!("http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme()))
                        || endpoint.getHost() == null)) {
            throw new ParameterException(
                    spec.commandLine(), "--publish-endpoint must be an http(s) URL with a host; was " + endpoint);
        }
        try {
            return S3Location.parse(publish);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--publish " + e.getMessage());
        }
    }
}
