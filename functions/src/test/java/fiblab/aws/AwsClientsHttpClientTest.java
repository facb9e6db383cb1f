package fiblab.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fiblab.config.ConfigurationException;
import fiblab.config.Settings;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpClient;

class AwsClientsHttpClientTest {

    @Test
    void httpClient_shouldBeUrlConnection_whenNothingIsChosen() {
        // Given no FIBLAB_HTTP_CLIENT
        Settings settings = new Settings(Map.of());

        // When
        try (SdkHttpClient client = AwsClients.httpClient(settings)) {
            // Then the packaged client is used
            assertThat(client.clientName()).isEqualTo("UrlConnection");
        }
    }

    @Test
    void httpClient_shouldBeCrt_whenCrtIsChosenAndOnTheClassPath() {
        // Given the CRT client chosen (it is on the test class path as a provided dependency)
        Settings settings = new Settings(Map.of("FIBLAB_HTTP_CLIENT", "crt"));

        // When
        try (SdkHttpClient client = AwsClients.httpClient(settings)) {
            // Then
            assertThat(client.clientName()).isEqualTo("AwsCommonRuntime");
        }
    }

    @Test
    void httpClient_shouldNameTheVariableAndTheChoices_whenTheValueIsUnknown() {
        // Given
        Settings settings = new Settings(Map.of("FIBLAB_HTTP_CLIENT", "apache"));

        // When / Then
        assertThatThrownBy(() -> AwsClients.httpClient(settings))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("FIBLAB_HTTP_CLIENT")
                .hasMessageContaining("url-connection")
                .hasMessageContaining("crt")
                .hasMessageContaining("\"apache\"");
    }
}
