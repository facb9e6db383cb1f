package fiblab.bench.publish;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * Uploads a generated site to an S3 bucket (the private bucket of publish-template.yaml, served by
 * CloudFront), every object with its content type and cache header, so that the site opens from the
 * distribution exactly as it opens from disk.
 */
public final class SitePublisher {

    private final S3Client s3;
    private final PrintWriter log;

    public SitePublisher(S3Client s3, PrintWriter log) {
        this.s3 = s3;
        this.log = log;
    }

    /**
     * @return the number of objects uploaded
     */
    public int publish(Path siteDir, S3Location target) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(siteDir)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        int done = 0;
        for (Path file : files) {
            String relative = siteDir.relativize(file).toString().replace('\\', '/');
            String key = target.key(relative);
            s3.putObject(
                    PutObjectRequest.builder()
                            .bucket(target.bucket())
                            .key(key)
                            .contentType(ContentTypes.contentType(relative))
                            .cacheControl(ContentTypes.cacheControl(relative))
                            .build(),
                    RequestBody.fromFile(file));
            done++;
            if (done % 50 == 0) {
                log.println("published " + done + "/" + files.size() + " objects");
                log.flush();
            }
        }
        return done;
    }

    /** A bucket and a key prefix, from {@code s3://bucket} or {@code s3://bucket/prefix}. */
    public record S3Location(String bucket, String prefix) {

        public static S3Location parse(String text) {
            URI uri;
            try {
                uri = URI.create(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("must look like s3://bucket or s3://bucket/prefix; was " + text);
            }
            if (!"s3".equals(uri.getScheme())
                    || uri.getHost() == null
                    || uri.getHost().isBlank()) {
                throw new IllegalArgumentException("must look like s3://bucket or s3://bucket/prefix; was " + text);
            }
            String path = uri.getPath() == null
                    ? ""
                    : uri.getPath().replaceAll("^/+", "").replaceAll("/+$", "");
            return new S3Location(uri.getHost(), path);
        }

        public String key(String relative) {
            return prefix.isEmpty() ? relative : prefix + "/" + relative;
        }

        @Override
        public String toString() {
            return "s3://" + bucket + (prefix.isEmpty() ? "" : "/" + prefix);
        }
    }
}
