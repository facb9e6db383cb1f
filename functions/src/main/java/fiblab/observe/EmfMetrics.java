package fiblab.observe;

import fiblab.fib.Algorithm;
import fiblab.json.Json;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes CloudWatch Embedded Metric Format lines: a JSON log line that CloudWatch turns into
 * metrics without a PutMetricData call.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html
 */
public final class EmfMetrics implements Metrics {

    public static final String NAMESPACE = "fiblab";

    private final PrintStream out;
    private final String functionName;

    public EmfMetrics(PrintStream out, String functionName) {
        this.out = out;
        this.functionName = functionName == null ? "local" : functionName;
    }

    @Override
    public void computed(String path, Algorithm algorithm, long computeMicros) {
        emit(
                Map.of("path", path, "algorithm", algorithm.wireName()),
                Map.of("ComputeTime", computeMicros),
                Map.of("ComputeTime", "Microseconds"));
    }

    @Override
    public void waited(long queueMillis) {
        emit(Map.of("path", "async"), Map.of("QueueWait", queueMillis), Map.of("QueueWait", "Milliseconds"));
    }

    /** One metric record: values keyed by metric name, each with its unit, under one dimension set. */
    public void emit(Map<String, Object> dimensions, Map<String, Number> values, Map<String, String> units) {
        Map<String, Object> record = new LinkedHashMap<>();
        Map<String, Object> allDimensions = new LinkedHashMap<>(dimensions);
        allDimensions.put("function", functionName);
        List<Map<String, String>> definitions = values.keySet().stream()
                .map(name -> Map.of("Name", name, "Unit", units.getOrDefault(name, "None")))
                .toList();
        Map<String, Object> directive = new LinkedHashMap<>();
        directive.put("Namespace", NAMESPACE);
        directive.put("Dimensions", List.of(List.copyOf(allDimensions.keySet())));
        directive.put("Metrics", definitions);
        record.put("_aws", Map.of("Timestamp", System.currentTimeMillis(), "CloudWatchMetrics", List.of(directive)));
        allDimensions.forEach((name, value) -> record.put(name, String.valueOf(value)));
        record.putAll(values);
        out.println(Json.write(record));
    }
}
