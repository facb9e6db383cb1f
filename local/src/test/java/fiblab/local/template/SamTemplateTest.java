package fiblab.local.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fiblab.local.testing.Templates;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SamTemplateTest {

    @TempDir
    Path dir;

    @Test
    void load_shouldReadRoutesEventsQueuesAndTable_fromTheProjectTemplate() {
        // Given / When
        SamTemplate template = SamTemplate.load(Templates.project(), Map.of());

        // Then
        FunctionDefinition api = function(template, "ApiFunction");
        assertThat(api.handler()).isEqualTo("fiblab.handler.ApiHandler::handleRequest");
        assertThat(api.timeoutSeconds()).isEqualTo(29);
        assertThat(api.memorySizeMb()).isEqualTo(1769);
        assertThat(api.httpRoutes())
                .extracting(HttpRouteDefinition::routeKey)
                .containsExactlyInAnyOrder("GET /fib/{n}", "POST /jobs", "GET /jobs/{jobId}", "$default");
        assertThat(api.environment())
                .containsKeys("TABLE_NAME", "INLINE_NAIVE_MAX_N", "QUEUE_URL", "JOB_TTL_DAYS")
                .doesNotContainKey("MAX_RECEIVE_COUNT");

        FunctionDefinition worker = function(template, "WorkerFunction");
        assertThat(worker.timeoutSeconds()).isEqualTo(300);
        assertThat(worker.environment()).containsKeys("TABLE_NAME", "MAX_RECEIVE_COUNT", "QUEUE_URL");
        SqsEventSourceDefinition jobs = worker.sqsEvents().get(0);
        assertThat(jobs.queueLogicalId()).isEqualTo("JobsQueue");
        assertThat(jobs.batchSize()).isEqualTo(5);
        assertThat(jobs.reportBatchItemFailures()).isTrue();
        assertThat(jobs.maximumConcurrency()).hasValue(5);

        QueueDefinition queue = template.queues().stream()
                .filter(q -> q.logicalId().equals("JobsQueue"))
                .findFirst()
                .orElseThrow();
        assertThat(queue.attributes()).containsEntry("VisibilityTimeout", "1800");
        assertThat(queue.deadLetterQueueLogicalId()).hasValue("JobsDeadLetterQueue");
        assertThat(queue.maxReceiveCount()).hasValue(5);

        TableDefinition table = template.tables().get(0);
        assertThat(table.keySchema()).containsEntry("jobId", "HASH");
        assertThat(table.timeToLiveAttribute()).hasValue("expiresAt");
        assertThat(template.parameters()).containsEntry("InlineNaiveMaxN", "42").containsEntry("MaxReceiveCount", "5");
    }

    @Test
    void load_shouldFollowAChangedRouteAndBatchSize_whenTheCopyIsEdited() {
        // Given
        Path moved = Templates.copyWith(Templates.project(), dir, "Path: /fib/{n}", "Path: /fibonacci/{n}");
        Path resized = Templates.copyWith(moved, dir, "BatchSize: 5", "BatchSize: 7");

        // When
        SamTemplate template = SamTemplate.load(resized, Map.of());

        // Then
        assertThat(function(template, "ApiFunction").httpRoutes())
                .extracting(HttpRouteDefinition::routeKey)
                .contains("GET /fibonacci/{n}")
                .doesNotContain("GET /fib/{n}");
        assertThat(function(template, "WorkerFunction").sqsEvents().get(0).batchSize())
                .isEqualTo(7);
    }

    @Test
    void load_shouldApplyOverrides_andRejectValuesOutsideTheDeclaredRange() {
        // Given / When
        SamTemplate template = SamTemplate.load(Templates.project(), Map.of("MaxReceiveCount", "4"));

        // Then
        assertThat(template.parameters()).containsEntry("MaxReceiveCount", "4");
        assertThat(function(template, "WorkerFunction").sqsEvents()).hasSize(1);
        assertThat(template.queues().stream()
                        .filter(q -> q.logicalId().equals("JobsQueue"))
                        .findFirst()
                        .orElseThrow()
                        .maxReceiveCount())
                .hasValue(4);
        assertThatThrownBy(() -> SamTemplate.load(Templates.project(), Map.of("MaxReceiveCount", "0")))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("MaxReceiveCount")
                .hasMessageContaining("1..1000");
        assertThatThrownBy(() -> SamTemplate.load(Templates.project(), Map.of("Nope", "1")))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("unknown parameter Nope");
    }

    @Test
    void limitations_shouldNameSnapStartAndEncryption_oneLineEach() {
        // Given / When
        SamTemplate template = SamTemplate.load(Templates.project(), Map.of());

        // Then
        assertThat(template.limitations())
                .anyMatch(l -> l.contains("SnapStart"))
                .anyMatch(l -> l.startsWith("JobsTable") && l.contains("encryption"))
                .allMatch(l -> !l.contains("\n"));
    }

    @Test
    void intrinsics_shouldResolveSubWithRefsAndAttributes() {
        // Given
        ReferenceResolver resolver = new ReferenceResolver() {
            @Override
            public String ref(String name) {
                return name.equals("AWS::Region") ? "eu-west-1" : "ref-of-" + name;
            }

            @Override
            public String getAtt(String logicalId, String attribute) {
                return logicalId + "-" + attribute;
            }
        };

        // When
        Object value = Intrinsics.resolve(
                Map.of("Fn::Sub", "https://${Api}.execute-api.${AWS::Region}/${Q.Arn}/${!Literal}"), resolver);

        // Then
        assertThat(value).isEqualTo("https://ref-of-Api.execute-api.eu-west-1/Q-Arn/${Literal}");
    }

    private static FunctionDefinition function(SamTemplate template, String id) {
        return template.functions().stream()
                .filter(f -> f.logicalId().equals(id))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void load_shouldReadTheStageThrottles_andTheAdmissionModeOfEachRoute() {
        // Given / When
        SamTemplate iam = SamTemplate.load(Templates.project(), Map.of("SubmitBurstLimit", "7"));
        SamTemplate open = SamTemplate.load(Templates.project(), Map.of("AdmissionMode", "open"));

        // Then
        HttpApiDefinition api = iam.httpApis().get(0);
        assertThat(api.throttleFor("GET /fib/{n}")).hasValue(new Throttle(10, 20));
        assertThat(api.throttleFor("POST /jobs")).hasValue(new Throttle(5, 7));
        assertThat(api.throttleFor("$default")).hasValue(new Throttle(2, 5));
        assertThat(api.throttleFor("GET /other")).hasValue(new Throttle(50, 100));
        assertThat(api.iamRoutes())
                .containsExactlyInAnyOrder("GET /fib/{n}", "POST /jobs", "GET /jobs/{jobId}", "$default");
        assertThat(iam.limitations())
                .anyMatch(line -> line.contains("IAM authorization") && line.contains("not emulated"));
        assertThat(open.httpApis().get(0).iamRoutes()).isEmpty();
        assertThat(open.limitations()).noneMatch(line -> line.contains("IAM authorization"));
    }
}
