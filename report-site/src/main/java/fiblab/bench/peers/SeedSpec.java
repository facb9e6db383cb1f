package fiblab.bench.peers;

import fiblab.bench.result.Run;
import fiblab.bench.result.ScenarioResult;
import java.util.List;

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
    public static SeedSpec of(ScenarioResult seedScenario) {
        if (!"seed".equals(seedScenario.name())) {
            throw new IllegalArgumentException(
                    "the peers take the seed run's spec; was given scenario " + seedScenario.name());
        }
        List<Run> runs = seedScenario.runs() == null ? List.of() : seedScenario.runs();
        Run inline = runs.stream()
                .filter(r -> "inline".equals(r.path()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the seed scenario has no inline run"));
        SeedSpec spec = new SeedSpec(inline.n(), inline.algorithm(), concurrency(inline), inline.planned());
        for (Run run : runs) {
            if (run.n() != spec.n || concurrency(run) != spec.concurrency || run.planned() != spec.requests) {
                throw new IllegalArgumentException(
                        "the seed's paths ran different loads: " + run.id() + " vs " + inline.id());
            }
        }
        return spec;
    }

    private static int concurrency(Run run) {
        if (run.concurrency() == null) {
            throw new IllegalArgumentException("seed run " + run.id() + " has no concurrency");
        }
        return run.concurrency();
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
