package fiblab.bench.http;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Signs requests to an API Gateway API with IAM authorization (service {@code execute-api}) with
 * the AWS SDK's own SigV4 signer and the default credential chain (environment, profile, SSO, ...),
 * as {@code curl --aws-sigv4 "aws:amz:REGION:execute-api"} does.
 */
public final class SigV4Signer implements RequestSigner {

    /** {@code https://<api-id>.execute-api.<region>.amazonaws.com}: the region is in the host. */
    private static final Pattern EXECUTE_API_HOST =
            Pattern.compile("[a-z0-9]+\\.execute-api\\.([a-z0-9-]+)\\.amazonaws\\.com(\\.cn)?");

    private static final List<String> NOT_COPIED = List.of("host");

    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final AwsCredentialsProvider credentials;
    private final String region;

    public SigV4Signer(AwsCredentialsProvider credentials, String region) {
        this.credentials = credentials;
        this.region = region;
    }

    /**
     * A signer for {@code apiUrl} when it is an execute-api URL, with credentials resolved now so
     * that missing ones fail before the benchmark starts.
     *
     * @throws IllegalStateException naming what to do when no credentials are found
     */
    public static Optional<RequestSigner> forApi(URI apiUrl) {
        Optional<String> region = executeApiRegion(apiUrl);
        if (region.isEmpty()) {
            return Optional.empty();
        }
        AwsCredentialsProvider provider = DefaultCredentialsProvider.builder().build();
        try {
            provider.resolveCredentials();
        } catch (SdkException none) {
            throw new IllegalStateException("requests to " + apiUrl + " are signed with AWS SigV4 (the stack's"
                    + " default AdmissionMode=iam), but no AWS credentials were found: configure a profile or set"
                    + " AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY (" + none.getMessage() + ")");
        }
        return Optional.of(new SigV4Signer(provider, region.get()));
    }

    /** The region of an execute-api URL, or empty for any other URL (the local stack, a proxy). */
    static Optional<String> executeApiRegion(URI url) {
        Matcher host = EXECUTE_API_HOST.matcher(String.valueOf(url.getHost()).toLowerCase(Locale.ROOT));
        return host.matches() ? Optional.of(host.group(1)) : Optional.empty();
    }

    @Override
    public Map<String, String> headers(String method, URI url, byte[] body) {
        SdkHttpRequest request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.fromValue(method))
                .uri(url)
                .build();
        AwsCredentialsIdentity identity = credentials.resolveCredentials();
        SdkHttpRequest signed = signer.sign(r -> r.identity(identity)
                        .request(request)
                        .payload(ContentStreamProvider.fromByteArray(body))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "execute-api")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, region))
                .request();
        Map<String, String> headers = new LinkedHashMap<>();
        signed.headers().forEach((name, values) -> {
            if (!NOT_COPIED.contains(name.toLowerCase(Locale.ROOT))) {
                headers.put(name, String.join(",", values));
            }
        });
        return headers;
    }
}
