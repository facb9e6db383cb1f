package fiblab.aws;

import static fiblab.config.EnvironmentVariables.AWS_ACCESS_KEY_ID;
import static fiblab.config.EnvironmentVariables.AWS_ENDPOINT_URL;
import static fiblab.config.EnvironmentVariables.AWS_ENDPOINT_URL_DYNAMODB;
import static fiblab.config.EnvironmentVariables.AWS_ENDPOINT_URL_SQS;
import static fiblab.config.EnvironmentVariables.AWS_REGION;
import static fiblab.config.EnvironmentVariables.AWS_SECRET_ACCESS_KEY;
import static fiblab.config.EnvironmentVariables.AWS_SESSION_TOKEN;
import static fiblab.config.EnvironmentVariables.FIBLAB_HTTP_CLIENT;

import fiblab.config.ConfigurationException;
import fiblab.config.Settings;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Builds the SDK clients from the given environment, once per execution environment. Region,
 * endpoint and credentials are read from the same variables the SDK would read
 * ({@code AWS_ENDPOINT_URL_SQS} before {@code AWS_ENDPOINT_URL}), but from the map passed in, so
 * that a local stack hosting several functions in one JVM can point each at its own servers.
 * The URL-connection HTTP client keeps Apache and Netty out of the deployment package; the
 * cold-start benchmark can choose the CRT client instead ({@code FIBLAB_HTTP_CLIENT=crt}) when its
 * jars are on the class path, to compare the two.
 */
public final class AwsClients {

    /** A failing server must not hold a request for long: API Gateway gives the whole request 30 s. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(10);
    static final Duration API_CALL_TIMEOUT = Duration.ofSeconds(15);

    private AwsClients() {}

    public static DynamoDbClient dynamoDb(Settings settings) {
        var builder = DynamoDbClient.builder()
                .httpClient(httpClient(settings))
                .region(region(settings))
                .credentialsProvider(credentials(settings))
                .overrideConfiguration(overrides());
        endpoint(settings, AWS_ENDPOINT_URL_DYNAMODB).ifPresent(builder::endpointOverride);
        return builder.build();
    }

    public static SqsClient sqs(Settings settings) {
        var builder = SqsClient.builder()
                .httpClient(httpClient(settings))
                .region(region(settings))
                .credentialsProvider(credentials(settings))
                .overrideConfiguration(overrides());
        endpoint(settings, AWS_ENDPOINT_URL_SQS).ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** The HTTP client named by {@code FIBLAB_HTTP_CLIENT}; each kind sits in its own class, loaded only when chosen. */
    static SdkHttpClient httpClient(Settings settings) {
        String choice = settings.optional(FIBLAB_HTTP_CLIENT).orElse(URL_CONNECTION);
        if (URL_CONNECTION.equals(choice)) {
            return UrlConnection.client();
        }
        if (CRT.equals(choice)) {
            try {
                return Crt.client();
            } catch (NoClassDefFoundError missing) {
                throw new ConfigurationException("environment variable " + FIBLAB_HTTP_CLIENT + "=crt needs "
                        + "software.amazon.awssdk:aws-crt-client on the class path; it is not packaged: "
                        + missing.getMessage());
            }
        }
        throw new ConfigurationException("environment variable " + FIBLAB_HTTP_CLIENT + " must be " + URL_CONNECTION
                + " (the default) or " + CRT + ", was \"" + choice + "\"");
    }

    /** The {@code FIBLAB_HTTP_CLIENT} values: the one that ships (the default), and the one compared with it. */
    public static final String URL_CONNECTION = "url-connection";

    public static final String CRT = "crt";
    public static final List<String> HTTP_CLIENTS = List.of(URL_CONNECTION, CRT);

    private static final class UrlConnection {
        static SdkHttpClient client() {
            return UrlConnectionHttpClient.builder()
                    .connectionTimeout(CONNECT_TIMEOUT)
                    .socketTimeout(SOCKET_TIMEOUT)
                    .build();
        }
    }

    private static final class Crt {
        static SdkHttpClient client() {
            return software.amazon.awssdk.http.crt.AwsCrtHttpClient.builder()
                    .connectionTimeout(CONNECT_TIMEOUT)
                    .build();
        }
    }

    private static ClientOverrideConfiguration overrides() {
        return ClientOverrideConfiguration.builder()
                .apiCallTimeout(API_CALL_TIMEOUT)
                .build();
    }

    private static Region region(Settings settings) {
        return Region.of(settings.optional(AWS_REGION).orElse("us-east-1"));
    }

    static Optional<URI> endpoint(Settings settings, String serviceVariable) {
        return settings.optional(serviceVariable)
                .or(() -> settings.optional(AWS_ENDPOINT_URL))
                .map(URI::create);
    }

    private static AwsCredentialsProvider credentials(Settings settings) {
        Optional<String> keyId = settings.optional(AWS_ACCESS_KEY_ID);
        Optional<String> secret = settings.optional(AWS_SECRET_ACCESS_KEY);
        if (keyId.isPresent() && secret.isPresent()) {
            Optional<String> token = settings.optional(AWS_SESSION_TOKEN);
            return StaticCredentialsProvider.create(
                    token.isPresent()
                            ? AwsSessionCredentials.create(keyId.get(), secret.get(), token.get())
                            : AwsBasicCredentials.create(keyId.get(), secret.get()));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
