package fiblab.local.templaterules;

import static org.assertj.core.api.Assertions.assertThat;

import fiblab.config.EnvironmentVariables;
import fiblab.config.Limits;
import fiblab.local.template.CloudFormationYaml;
import fiblab.local.template.SamTemplate;
import fiblab.local.testing.Templates;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads template.yaml and checks the promises that need the functions' classes or the local
 * reader; each rule is also shown to catch a broken copy. The rest is checked on the translated
 * template by {@code template-tests/translated_template_test.py}.
 */
class TemplateTest {

    private static final Path TEMPLATE = Templates.project();

    @TempDir
    Path dir;

    private Map<String, Object> template;

    @BeforeEach
    void read() throws IOException {
        template = CloudFormationYaml.read(TEMPLATE);
    }

    private Map<String, Object> resource(String name) {
        return map(map(map(template.get("Resources")).get(name)).get("Properties"));
    }

    @Test
    void template_shouldKeepEveryRule() {
        assertThat(TemplateRules.violations(SamTemplate.load(TEMPLATE, Map.of())))
                .isEmpty();
    }

    @Test
    void rules_shouldCatchAShortVisibilityTimeout() {
        assertThat(violationsOfCopy("VisibilityTimeout: 1800", "VisibilityTimeout: 600"))
                .containsExactly("JobsQueue: VisibilityTimeout 600 is under 6 x WorkerFunction's Timeout 300");
    }

    @Test
    void rules_shouldCatchAMissingDeadLetterQueue() {
        assertThat(violationsOfCopy("deadLetterTargetArn: !GetAtt JobsDeadLetterQueue.Arn", "deadLetterTargetArn: x"))
                .containsExactly("JobsQueue: no RedrivePolicy to a dead-letter queue in this template");
    }

    @Test
    void rules_shouldCatchMissingPartialBatchResponses() {
        assertThat(violationsOfCopy("- ReportBatchItemFailures", "- Other"))
                .containsExactly("WorkerFunction: SQS event without FunctionResponseTypes ReportBatchItemFailures");
    }

    @Test
    void rules_shouldCatchAHandlerClassThatDoesNotExist() {
        assertThat(violationsOfCopy("fiblab.handler.ApiHandler::", "fiblab.handler.ApiHandlr::"))
                .containsExactly("ApiFunction: handler class fiblab.handler.ApiHandlr does not exist");
    }

    private List<String> violationsOfCopy(String from, String to) {
        return TemplateRules.violations(SamTemplate.load(Templates.copyWith(TEMPLATE, dir, from, to), Map.of()));
    }

    @Test
    void parameters_shouldDefaultToTheLimitsTheCodeDefaultsTo() {
        Map<String, Object> parameters = map(template.get("Parameters"));

        assertThat(map(parameters.get("InlineNaiveMaxN")).get("Default")).isEqualTo(Limits.DEFAULT_INLINE_NAIVE_MAX_N);
        assertThat(map(parameters.get("AsyncNaiveMaxN")).get("Default")).isEqualTo(Limits.DEFAULT_ASYNC_NAIVE_MAX_N);
        assertThat(map(parameters.get("FastMaxN")).get("Default")).isEqualTo(Limits.DEFAULT_FAST_MAX_N);
        assertThat(map(parameters.get("FastMaxN")).get("MaxValue")).isEqualTo(Limits.LARGEST_FAST_MAX_N);
    }

    @Test
    void apiFunction_shouldTimeOutBeforeApiGatewayDoes() {
        assertThat((Integer) resource("ApiFunction").get("Timeout")).isLessThanOrEqualTo(30);
    }

    @Test
    void functions_shouldRunOnJava21OrNewer() {
        String runtime =
                (String) map(map(template.get("Globals")).get("Function")).get("Runtime");
        assertThat(Integer.parseInt(runtime.replace("java", ""))).isGreaterThanOrEqualTo(21);
    }

    @Test
    void table_shouldBeOnDemandEncryptedWithTtlOnExpiresAt() {
        Map<String, Object> table = resource("JobsTable");

        assertThat(table.get("BillingMode")).isEqualTo("PAY_PER_REQUEST");
        assertThat(map(table.get("TimeToLiveSpecification")))
                .containsEntry("AttributeName", "expiresAt")
                .containsEntry("Enabled", true);
        assertThat(map(table.get("SSESpecification"))).containsEntry("SSEEnabled", true);
        assertThat(list(table.get("KeySchema"))).containsExactly(Map.of("AttributeName", "jobId", "KeyType", "HASH"));
    }

    @Test
    void environment_shouldOnlyNameVariablesTheCodeReads() throws IllegalAccessException {
        List<String> known = new ArrayList<>();
        for (Field field : EnvironmentVariables.class.getFields()) {
            known.add((String) field.get(null));
        }
        Map<String, Object> variables = new HashMap<>(
                map(map(map(map(template.get("Globals")).get("Function")).get("Environment"))
                        .get("Variables")));
        for (String function : List.of("ApiFunction", "WorkerFunction")) {
            variables.putAll(map(map(resource(function).get("Environment")).get("Variables")));
        }
        // read by the JVM itself (JIT flags), not by fiblab's code
        variables.remove("JAVA_TOOL_OPTIONS");

        assertThat(known).containsAll(variables.keySet());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return value instanceof List<?> l ? (List<Object>) l : List.of();
    }
}
