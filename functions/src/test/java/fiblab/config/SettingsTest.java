package fiblab.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void limits_shouldUseDefaults_whenNothingIsSet() {
        assertThat(Limits.from(new Settings(Map.of()))).isEqualTo(new Limits(42, 51, 1_000_000));
    }

    @Test
    void limits_shouldNameTheVariableAndRange_whenValueIsOutOfRange() {
        Settings settings = new Settings(Map.of(EnvironmentVariables.ASYNC_NAIVE_MAX_N, "93"));
        assertThatThrownBy(() -> Limits.from(settings))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("environment variable ASYNC_NAIVE_MAX_N must be a whole number from 0 to 92, was \"93\"");
    }

    @Test
    void limits_shouldRejectText_whenANumberIsExpected() {
        Settings settings = new Settings(Map.of(EnvironmentVariables.FAST_MAX_N, "lots"));
        assertThatThrownBy(() -> Limits.from(settings))
                .hasMessageContaining("FAST_MAX_N")
                .hasMessageContaining("\"lots\"");
    }

    @Test
    void limits_shouldRefuse_whenInlineLimitExceedsAsyncLimit() {
        Settings settings = new Settings(
                Map.of(EnvironmentVariables.INLINE_NAIVE_MAX_N, "45", EnvironmentVariables.ASYNC_NAIVE_MAX_N, "40"));
        assertThatThrownBy(() -> Limits.from(settings))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("INLINE_NAIVE_MAX_N (45) must not exceed ASYNC_NAIVE_MAX_N (40)");
    }

    @Test
    void required_shouldNameTheVariable_whenMissingOrBlank() {
        assertThatThrownBy(() -> new Settings(Map.of("TABLE_NAME", " ")).required("TABLE_NAME"))
                .hasMessage("environment variable TABLE_NAME is required but not set");
    }
}
