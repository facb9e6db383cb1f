package fiblab.bench.peers;

import java.util.List;
import java.util.Map;

/**
 * The load the seed run was measured with, read back from its own result: the peers get exactly
 * this, so that no comparison can put them under another load, request count or n than fiblab.
 * There is no other way to make one.
 */
public final class SeedSpec {

    private final int n;
    private final String algorithm;
    private final int concurrency;
    private final int requests;

    private SeedSpec(int n, String algorithm, int concurrency, int requests) {
        this.n = n;
        this.algorithm = algorithm;
        this.concurrency = concurrency;
        this.requests = requests;
    }

    /**
     * @param seedScenario the seed scenario's object of results.json (name {@code seed}, its runs)
     * @throws IllegalArgumentException when it is not the seed, or its two paths ran different loads
     */
    public static SeedSpec of(Map<String, Object> seedScenario) {
        if (!"seed".equals(seedScenario.get("name"))) {
            throw new IllegalArgumentException(
                    "the peers take the seed run's spec; was given scenario " + seedScenario.get("name"));
        }
        List<?> runs = seedScenario.get("runs") instanceof List<?> list ? list : List.of();
        Map<?, ?> inline = runs.stream()
                .map(r -> (Map<?, ?>) r)
                .filter(r -> "inline".equals(r.get("path")))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the seed scenario has no inline run"));
        SeedSpec spec = new SeedSpec(
                number(inline, "n"),
                String.valueOf(inline.get("algorithm")),
                number(inline, "concurrency"),
                number(inline, "planned"));
        for (Object other : runs) {
            Map<?, ?> run = (Map<?, ?>) other;
            if (number(run, "n") != spec.n
                    || number(run, "concurrency") != spec.concurrency
                    || number(run, "planned") != spec.requests) {
                throw new IllegalArgumentException(
                        "the seed's paths ran different loads: " + run.get("id") + " vs " + inline.get("id"));
            }
        }
        return spec;
    }

    private static int number(Map<?, ?> run, String key) {
        if (!(run.get(key) instanceof Number value)) {
            throw new IllegalArgumentException("seed run " + run.get("id") + " has no " + key);
        }
        return value.intValue();
    }

    public int n() {
        return n;
    }

    public String algorithm() {
        return algorithm;
    }

    public int concurrency() {
        return concurrency;
    }

    public int requests() {
        return requests;
    }
}
