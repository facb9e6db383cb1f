package fiblab.local.templaterules;

import static fiblab.local.templaterules.TemplateRules.list;
import static fiblab.local.templaterules.TemplateRules.map;
import static org.assertj.core.api.Assertions.assertThat;

import fiblab.config.EnvironmentVariables;
import fiblab.config.Limits;
import fiblab.local.template.CloudFormationYaml;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reads template.yaml and checks the promises it must keep; each rule is also shown to catch a broken copy. */
class TemplateTest {

    private static final Path TEMPLATE = Path.of("../template.yaml");

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
        assertThat(TemplateRules.violations(template)).isEmpty();
    }

    @Test
    void rules_shouldCatchAWildcardAction() {
        Map<String, Object> statement =
                map(list(map(list(resource("WorkerFunction").get("Policies")).get(0))
                                .get("Statement"))
                        .get(0));
        statement.put("Action", List.of("dynamodb:*"));

        assertThat(TemplateRules.violations(template)).containsExactly("WorkerFunction: wildcard action dynamodb:*");
    }

    @Test
    void rules_shouldCatchAWildcardResource() {
        Map<String, Object> statement = map(
                list(map(list(resource("ApiFunction").get("Policies")).get(0)).get("Statement"))
                        .get(1));
        statement.put("Resource", "*");

        assertThat(TemplateRules.violations(template)).containsExactly("ApiFunction: wildcard resource *");
    }

    @Test
    void rules_shouldCatchAShortVisibilityTimeout() {
        resource("JobsQueue").put("VisibilityTimeout", 600);

        assertThat(TemplateRules.violations(template))
                .containsExactly("JobsQueue: VisibilityTimeout 600 is under 6 x WorkerFunction's Timeout 300");
    }

    @Test
    void rules_shouldCatchAMissingDeadLetterQueue() {
        resource("JobsQueue").remove("RedrivePolicy");

        assertThat(TemplateRules.violations(template))
                .containsExactly("JobsQueue: no RedrivePolicy to a dead-letter queue in this template");
    }

    @Test
    void rules_shouldCatchMissingPartialBatchResponses() {
        Map<String, Object> jobs = map(
                map(map(resource("WorkerFunction").get("Events")).get("Jobs")).get("Properties"));
        jobs.put("FunctionResponseTypes", new ArrayList<>());

        assertThat(TemplateRules.violations(template))
                .containsExactly("WorkerFunction: SQS event without FunctionResponseTypes ReportBatchItemFailures");
    }

    @Test
    void rules_shouldCatchAHandlerClassThatDoesNotExist() {
        resource("ApiFunction").put("Handler", "fiblab.handler.ApiHandlr::handleRequest");

        assertThat(TemplateRules.violations(template))
                .containsExactly("ApiFunction: handler class fiblab.handler.ApiHandlr does not exist");
    }

    @Test
    void rules_shouldCatchMissingSnapStart() {
        map(map(template.get("Globals")).get("Function")).remove("SnapStart");

        assertThat(TemplateRules.violations(template))
                .contains("ApiFunction: SnapStart ApplyOn PublishedVersions is missing");
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

        assertThat(known).containsAll(variables.keySet());
    }
}
