package fiblab.local.templaterules;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import fiblab.local.template.FunctionDefinition;
import fiblab.local.template.QueueDefinition;
import fiblab.local.template.SamTemplate;
import fiblab.local.template.SqsEventSourceDefinition;
import java.util.ArrayList;
import java.util.List;

/**
 * The promises template.yaml must keep that need Java to check, as a list of broken ones: handlers
 * that exist, the visibility timeout rule, partial batch responses and a dead-letter queue. It reads
 * the template through {@link SamTemplate} (Globals merged, parameters resolved) like the local
 * stack does. IAM, throttling, retention, logs, alarms and SnapStart are checked on the template as
 * SAM translates it, by {@code template-tests/translated_template_test.py}.
 */
final class TemplateRules {

    private final SamTemplate template;
    private final List<String> violations = new ArrayList<>();

    private TemplateRules(SamTemplate template) {
        this.template = template;
    }

    static List<String> violations(SamTemplate template) {
        TemplateRules rules = new TemplateRules(template);
        for (FunctionDefinition function : template.functions()) {
            rules.checkHandler(function);
            function.sqsEvents().forEach(event -> rules.checkSqsEvent(function, event));
        }
        return rules.violations;
    }

    private void checkHandler(FunctionDefinition function) {
        String className = function.handler().split("::")[0];
        try {
            Class<?> type = Class.forName(className);
            if (!RequestHandler.class.isAssignableFrom(type)) {
                violations.add(function.logicalId() + ": handler class " + className + " is not a RequestHandler");
            }
            type.getConstructor();
        } catch (ClassNotFoundException missing) {
            violations.add(function.logicalId() + ": handler class " + className + " does not exist");
        } catch (NoSuchMethodException noDefaultConstructor) {
            violations.add(
                    function.logicalId() + ": handler class " + className + " has no public no-argument constructor");
        }
    }

    private void checkSqsEvent(FunctionDefinition function, SqsEventSourceDefinition event) {
        if (!event.reportBatchItemFailures()) {
            violations.add(function.logicalId() + ": SQS event without FunctionResponseTypes ReportBatchItemFailures");
        }
        QueueDefinition queue = queue(event.queueLogicalId());
        if (queue == null) {
            violations.add(function.logicalId() + ": SQS event on " + event.queueLogicalId()
                    + ", which is not a queue of this template");
            return;
        }
        // SQS's default visibility timeout is 30 s
        int visibility = Integer.parseInt(queue.attributes().getOrDefault("VisibilityTimeout", "30"));
        if (visibility < 6 * function.timeoutSeconds()) {
            violations.add(queue.logicalId() + ": VisibilityTimeout " + visibility + " is under 6 x "
                    + function.logicalId() + "'s Timeout " + function.timeoutSeconds());
        }
        boolean deadLetterInTemplate =
                queue.deadLetterQueueLogicalId().map(id -> queue(id) != null).orElse(false);
        if (!deadLetterInTemplate) {
            violations.add(queue.logicalId() + ": no RedrivePolicy to a dead-letter queue in this template");
        }
    }

    private QueueDefinition queue(String logicalId) {
        return template.queues().stream()
                .filter(q -> q.logicalId().equals(logicalId))
                .findFirst()
                .orElse(null);
    }
}
