package fiblab.bench.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.jr.ob.JSON;
import fiblab.bench.result.ScenarioResult;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeedSpecTest {

    private static Map<String, Object> run(String path, int n, int clients, int planned) {
        return Map.of(
                "id",
                "seed-" + path,
                "path",
                path,
                "algorithm",
                "naive",
                "mode",
                "closed",
                "n",
                n,
                "concurrency",
                clients,
                "planned",
                planned);
    }

    /** A scenario as results.json holds it, read into the model. */
    private static ScenarioResult scenario(Map<String, Object> json) throws IOException {
        return JSON.std
                .with(JSON.Feature.FAIL_ON_UNKNOWN_BEAN_PROPERTY)
                .beanFrom(ScenarioResult.class, JSON.std.asString(json));
    }

    @Test
    void of_shouldTakeTheSeedRunsOwnNClientsAndRequests() throws IOException {
        // Given
        ScenarioResult seed = scenario(
                Map.of("name", "seed", "runs", List.of(run("inline", 30, 10, 1000), run("async", 30, 10, 1000))));

        // When
        SeedSpec spec = SeedSpec.of(seed);

        // Then
        assertThat(spec.n()).isEqualTo(30);
        assertThat(spec.concurrency()).isEqualTo(10);
        assertThat(spec.requests()).isEqualTo(1000);
        assertThat(spec.algorithm()).isEqualTo("naive");
    }

    @Test
    void of_shouldRefuseAnotherScenario() throws IOException {
        ScenarioResult open = scenario(Map.of("name", "open", "runs", List.of(run("inline", 30, 10, 1000))));

        assertThatThrownBy(() -> SeedSpec.of(open)).hasMessageContaining("the peers take the seed run's spec");
    }

    @Test
    void of_shouldRefuseASeedWhosePathsRanDifferentLoads() throws IOException {
        ScenarioResult seed = scenario(
                Map.of("name", "seed", "runs", List.of(run("inline", 30, 10, 1000), run("async", 30, 10, 500))));

        assertThatThrownBy(() -> SeedSpec.of(seed)).hasMessageContaining("different loads");
    }
}
