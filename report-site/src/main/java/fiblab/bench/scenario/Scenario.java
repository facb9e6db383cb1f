package fiblab.bench.scenario;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The experiments the benchmark knows; each runs the inline and the async path side by side. */
public enum Scenario {
    SEED("seed", "The original experiment: a fixed number of naive requests from parallel clients, closed loop."),
    OPEN("open", "Requests sent on a fixed schedule (open loop); latency counted from each intended send time."),
    SWEEP("sweep", "n across the inline limit at one client, and the seed's n at rising concurrency."),
    FAST(
            "fast",
            "The same n through the fast-doubling algorithm: optimising the code beside changing the architecture."),
    COLDSTART(
            "coldstart",
            "Cold starts: a brand-new JVM per sample for each function, priming off and on, per HTTP client."),
    THROUGHPUT("throughput", "Inline throughput against the machine's compute limit; async submit latency as n grows."),
    OVERLOAD(
            "overload",
            "Open-loop load at multiples of each path's measured capacity; the queueing model's prediction of the same"
                    + " steps beside them, and the validated model projected to AWS scale."),
    POLLING(
            "polling",
            "The same jobs polled by clients that honour Retry-After, poll at a fixed interval, or back off.");

    private final String id;
    private final String description;

    Scenario(String id, String description) {
        this.id = id;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    public static Scenario parse(String text) {
        for (Scenario scenario : values()) {
            if (scenario.id.equalsIgnoreCase(text.trim())) {
                return scenario;
            }
        }
        throw new IllegalArgumentException("unknown scenario '" + text + "'; valid: " + valid());
    }

    public static String valid() {
        return Arrays.stream(values()).map(Scenario::id).collect(Collectors.joining(", "));
    }
}
