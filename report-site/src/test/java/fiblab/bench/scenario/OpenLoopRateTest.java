package fiblab.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OpenLoopRateTest {

    @Test
    void derived_shouldOfferHalfTheSlowerPath_andSayWhichPathAndRunItCameFrom() {
        // Given the seed's closed loop: inline 690 answers/s, async 83 jobs/s
        OpenLoopRate rate = OpenLoopRate.derived(690, 83, "the seed run");

        // Then both paths are offered 0.5 x 83 = 41.5/s, and the log can say why
        assertThat(rate.perSecond()).isEqualTo(41.5);
        assertThat(rate.source()).contains("0.5 x", "async", "the seed run", "83.0/s");
    }

    @Test
    void derived_shouldFollowTheInlinePath_whenItIsTheSlowerOne() {
        OpenLoopRate rate = OpenLoopRate.derived(12.5, 40, "a short closed-loop probe");

        assertThat(rate.perSecond()).isEqualTo(6.3);
        assertThat(rate.source()).contains("inline", "a short closed-loop probe");
    }

    @Test
    void derived_shouldRefuseWithAPointerToRate_whenAPathCompletedNothing() {
        assertThatThrownBy(() -> OpenLoopRate.derived(500, 0, "the seed run"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("async path completed nothing")
                .hasMessageContaining("--rate");
    }

    @Test
    void given_shouldBeUsedAsGiven() {
        assertThat(OpenLoopRate.given(100)).isEqualTo(new OpenLoopRate(100, "given with --rate"));
    }
}
