package fiblab.bench.cost;

import fiblab.local.template.FunctionDefinition;
import fiblab.local.template.SamTemplate;

/** The template's two functions as the benchmark reads them: the one behind the HTTP API and the SQS worker. */
public final class TemplateFunctions {

    private TemplateFunctions() {}

    /** The function with an HTTP API event (fiblab's ApiFunction). */
    public static FunctionDefinition api(SamTemplate template) {
        return template.functions().stream()
                .filter(f -> !f.httpRoutes().isEmpty())
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the template has no function with an HTTP API event"));
    }

    /** The function with an SQS event (fiblab's WorkerFunction). */
    public static FunctionDefinition worker(SamTemplate template) {
        return template.functions().stream()
                .filter(f -> !f.sqsEvents().isEmpty())
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the template has no function with an SQS event"));
    }
}
