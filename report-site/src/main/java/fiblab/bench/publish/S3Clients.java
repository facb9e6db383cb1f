package fiblab.bench.publish;

import java.net.URI;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;

/** The S3 client for publishing: URL-connection HTTP client, default credentials and region unless given. */
public final class S3Clients {

    private S3Clients() {}

    /**
     * @param region   AWS region, or null for the SDK's default chain
     * @param endpoint an S3-compatible server, or null for AWS
     */
    public static S3Client create(String region, URI endpoint) {
        S3ClientBuilder builder = S3Client.builder().httpClient(UrlConnectionHttpClient.create());
        if (region != null) {
            builder.region(Region.of(region));
        }
        if (endpoint != null) {
            // S3-compatible servers answer path-style requests and may predate the SDK's chunked uploads
            // (s3rver 3.7 stores the chunk framing inside the object over plain HTTP) and default trailing
            // checksums, so bodies go in one piece and checksums only where an operation requires them.
            builder.endpointOverride(endpoint)
                    .forcePathStyle(true)
                    .serviceConfiguration(S3Configuration.builder()
                            .chunkedEncodingEnabled(false)
                            .build())
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        }
        return builder.build();
    }
}
