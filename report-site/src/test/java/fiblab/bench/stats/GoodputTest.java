package fiblab.bench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Goodput per second as a client sees answers delivered, for answer times with known rates. */
class GoodputTest {

    /** {@code count} answers seen evenly from {@code first} to {@code last} seconds. */
    private static double[] evenly(int count, double first, double last) {
        double[] seen = new double[count];
        for (int i = 0; i < count; i++) {
            seen[i] = first + (last - first) * i / (count - 1);
        }
        return seen;
    }

    @Test
    void aPathThatKeepsUp_shouldDeliverTheOfferedRate_whateverItsLatency() {
        // 1,000 jobs at 100/s for 10 s, each seen a second after it was sent (a Retry-After client)
        double[] seen = evenly(1_000, 1.0, 10.99);

        assertThat(Goodput.perSecond(seen, 1_000, 1_000, 100, 10)).isCloseTo(100, within(0.5));
    }

    @Test
    void aPathThatFallsBehind_shouldDeliverItsDrainRate() {
        // 1,000 requests offered at 100/s for 10 s, answered at 50/s: the last 20 s after the first
        double[] seen = evenly(1_000, 0.01, 20.0);

        assertThat(Goodput.perSecond(seen, 1_000, 1_000, 100, 10)).isCloseTo(50, within(0.5));
    }

    @Test
    void oneLateAnswer_shouldNotSetTheRateOfAllTheOthers() {
        // a path that kept up, but whose last answer came 5 s late (a pause at the end of the step)
        double[] seen = evenly(1_000, 0.01, 9.99);
        seen[999] = 15.0;

        assertThat(Goodput.perSecond(seen, 1_000, 1_000, 100, 10)).isCloseTo(100, within(1.0));
    }

    @Test
    void poissonArrivalsAboveTheRate_shouldNotRaiseGoodputPastIt() {
        // 330 arrivals where 10/s for 30 s meant 300, every one answered within the 30 s
        double[] seen = evenly(330, 0.1, 29.9);

        assertThat(Goodput.perSecond(seen, 330, 330, 10, 30)).isLessThanOrEqualTo(10.0);
        // and nothing answered is no goodput
        assertThat(Goodput.perSecond(new double[0], 0, 330, 10, 30)).isZero();
    }
}
