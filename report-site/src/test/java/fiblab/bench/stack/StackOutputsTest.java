package fiblab.bench.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class StackOutputsTest {

    @Test
    void parse_shouldFindApiUrlAndParameters_whenStackHasThem() {
        String json = """
                {"Stacks": [{"StackName": "fiblab",
                  "Parameters": [{"ParameterKey": "InlineNaiveMaxN", "ParameterValue": "42"}],
                  "Outputs": [{"OutputKey": "JobsTableName", "OutputValue": "t"},
                              {"OutputKey": "ApiUrl", "OutputValue": "https://abc.execute-api.eu-west-1.amazonaws.com"}]}]}
                """;

        UrlTarget target = StackOutputs.parse("fiblab", json);

        assertThat(target.apiUrl()).isEqualTo(URI.create("https://abc.execute-api.eu-west-1.amazonaws.com"));
        assertThat(target.kind()).isEqualTo("stack");
        assertThat(target.parameters()).containsEntry("InlineNaiveMaxN", "42");
    }

    @Test
    void parse_shouldTellHowToPassUrl_whenApiUrlOutputIsMissing() {
        assertThatThrownBy(() -> StackOutputs.parse("fiblab", "{\"Stacks\": [{\"Outputs\": []}]}"))
                .hasMessageContaining("no ApiUrl output")
                .hasMessageContaining("--url");
    }
}
