package fiblab.bench.publish;

import static org.assertj.core.api.Assertions.assertThat;

import fiblab.bench.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Publishing end to end: the benchmark's --publish uploads a generated site to a real S3-compatible
 * server (s3rver, a Node.js child started on a free port), and every object arrives with its
 * content type and cache header, byte for byte.
 */
class PublishIT {

    static final Path S3RVER = Path.of("src/test/s3rver/node_modules/s3rver/bin/s3rver.js");
    static final String BUCKET = "fiblab-site";
    static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");

    private static Process server;
    private static URI endpoint;
    private static S3Client s3;

    @BeforeAll
    static void startS3rver() throws Exception {
        assertThat(S3RVER)
                .as("s3rver (npm ci in src/test/s3rver, done by the build)")
                .isRegularFile();
        Path dir = Files.createTempDirectory("fiblab-s3rver-");
        Path log = dir.resolve("s3rver.log");
        server = new ProcessBuilder(
                        "node",
                        S3RVER.toString(),
                        "-d",
                        dir.resolve("data").toString(),
                        "-a",
                        "127.0.0.1",
                        "-p",
                        "0",
                        "--configure-bucket",
                        BUCKET)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (endpoint == null) {
            Matcher m = LISTENING.matcher(Files.readString(log));
            if (m.find()) {
                endpoint = URI.create("http://127.0.0.1:" + m.group(1));
            } else if (!server.isAlive() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("s3rver did not start: " + Files.readString(log));
            } else {
                Thread.sleep(50);
            }
        }
        s3 = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.US_EAST_1)
                .endpointOverride(endpoint)
                .forcePathStyle(true)
                .serviceConfiguration(software.amazon.awssdk.services.s3.S3Configuration.builder()
                        .chunkedEncodingEnabled(false)
                        .build())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("S3RVER", "S3RVER")))
                .build();
    }

    @AfterAll
    static void stop() throws Exception {
        if (s3 != null) {
            s3.close();
        }
        if (server != null) {
            server.destroy();
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void publish_shouldUploadEveryFile_withItsContentTypeAndCacheHeader() throws Exception {
        // Given a site regenerated from a saved results file
        Path results = Files.createTempDirectory("fiblab-results-").resolve("results.json");
        try (var in = PublishIT.class.getResourceAsStream("/results/schema-1.json")) {
            Files.copy(in, results);
        }
        Path site = Files.createTempDirectory("fiblab-site-");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        // When the benchmark publishes it to the S3-compatible server (credentials from the SDK's default chain)
        System.setProperty("aws.accessKeyId", "S3RVER");
        System.setProperty("aws.secretAccessKey", "S3RVER");
        int exit;
        try {
            exit = Main.execute(
                    new PrintWriter(out, true),
                    new PrintWriter(err, true),
                    "--from-results",
                    results.toString(),
                    "--out",
                    site.toString(),
                    "--publish",
                    "s3://" + BUCKET + "/reports/",
                    "--publish-region",
                    "us-east-1",
                    "--publish-endpoint",
                    endpoint.toString());
        } finally {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
        }

        // Then every file of the site is an object under the prefix, byte for byte
        assertThat(exit).as(err.toString()).isZero();
        assertThat(err.toString()).contains("Published ", "to s3://" + BUCKET + "/reports", "reports/index.html");
        List<String> localFiles;
        try (var walk = Files.walk(site)) {
            localFiles = walk.filter(Files::isRegularFile)
                    .map(f -> "reports/" + site.relativize(f).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
        List<String> keys = s3.listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix("reports/")).contents().stream()
                .map(S3Object::key)
                .sorted()
                .toList();
        assertThat(keys)
                .isEqualTo(localFiles)
                .contains("reports/index.html", "reports/history.html", "reports/assets/common.js");
        assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("reports/index.html"))
                        .asUtf8String())
                .isEqualTo(Files.readString(site.resolve("index.html")));

        // with the type a browser needs and a cache header that fits how often the object changes
        assertHead("reports/index.html", "text/html; charset=utf-8", "no-cache");
        assertHead("reports/history.html", "text/html; charset=utf-8", "no-cache");
        assertHead("reports/data/results.json", "application/json", "no-cache");
        assertHead("reports/data/results.js", "text/javascript; charset=utf-8", "no-cache");
        assertHead("reports/assets/report.css", "text/css; charset=utf-8", "public, max-age=86400");
        assertHead("reports/assets/chart.umd.js", "text/javascript; charset=utf-8", "public, max-age=86400");
    }

    @Test
    void publish_shouldSayWhatItNeedsAndExitTwo_whenTheTargetIsNotAnS3Uri() {
        StringWriter err = new StringWriter();
        int exit = Main.execute(
                new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true),
                "--from-results",
                "results.json",
                "--publish",
                "https://example.com/site");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--publish must look like s3://bucket or s3://bucket/prefix");
    }

    private static void assertHead(String key, String contentType, String cacheControl) {
        HeadObjectResponse head = s3.headObject(b -> b.bucket(BUCKET).key(key));
        assertThat(head.contentType()).as("%s Content-Type", key).isEqualTo(contentType);
        assertThat(head.cacheControl()).as("%s Cache-Control", key).isEqualTo(cacheControl);
    }
}
