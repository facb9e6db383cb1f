package fiblab.admission;

import static org.assertj.core.api.Assertions.assertThat;

import fiblab.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class CachedBacklogGaugeTest {

    private final MutableClock clock = new MutableClock(1_000_000L);
    private final Deque<OptionalLong> readings = new ArrayDeque<>();
    private int reads;
    private final BacklogGauge source = () -> {
        reads++;
        return readings.isEmpty() ? OptionalLong.of(0) : readings.pop();
    };
    private final CachedBacklogGauge gauge = new CachedBacklogGauge(source, clock, Duration.ofSeconds(5));

    @Test
    void waitingMessages_shouldReadTheQueueOncePerMaxAge() {
        // Given a queue that holds 7, then 12
        readings.add(OptionalLong.of(7));
        readings.add(OptionalLong.of(12));

        // When read three times within 5 s, then once 5 s after the first read
        List<OptionalLong> seen = readAfter(0, 2_000, 2_999, 1);

        // Then the cached figure is at most 5 s old
        assertThat(seen)
                .containsExactly(OptionalLong.of(7), OptionalLong.of(7), OptionalLong.of(7), OptionalLong.of(12));
        assertThat(reads).isEqualTo(2);
    }

    @Test
    void waitingMessages_shouldKeepAFailedReadingForMaxAge_soASlowQueueHoldsUpOneSubmitPerPeriod() {
        // Given a queue whose backlog cannot be read (each try may wait out a timeout), then can
        readings.add(OptionalLong.empty());
        readings.add(OptionalLong.of(3));

        // When submits read the gauge during the next 5 s, and once after
        List<OptionalLong> seen = readAfter(0, 1_000, 3_999, 1);

        // Then only the first asks the queue in that period; the next period asks again
        assertThat(seen)
                .containsExactly(OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(), OptionalLong.of(3));
        assertThat(reads).isEqualTo(2);
    }

    /** Reads the gauge once after each step of the clock, in milliseconds. */
    private List<OptionalLong> readAfter(long... steps) {
        List<OptionalLong> seen = new ArrayList<>();
        for (long step : steps) {
            clock.advanceMillis(step);
            seen.add(gauge.waitingMessages());
        }
        return seen;
    }

    @Test
    void backlogFull_shouldHoldOnlyAboveTheLimit_andAdmitWhenTheBacklogIsUnknown() {
        assertThat(new SubmitAdmission(() -> OptionalLong.of(10), 10).backlogFull())
                .isFalse();
        assertThat(new SubmitAdmission(() -> OptionalLong.of(11), 10).backlogFull())
                .isTrue();
        assertThat(new SubmitAdmission(OptionalLong::empty, 10).backlogFull()).isFalse();
    }
}
