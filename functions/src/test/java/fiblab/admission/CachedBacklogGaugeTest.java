package fiblab.admission;

import static org.assertj.core.api.Assertions.assertThat;

import fiblab.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
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
        OptionalLong first = gauge.waitingMessages();
        clock.advanceMillis(2_000);
        OptionalLong second = gauge.waitingMessages();
        clock.advanceMillis(2_999);
        OptionalLong third = gauge.waitingMessages();
        clock.advanceMillis(1);
        OptionalLong fourth = gauge.waitingMessages();

        // Then the cached figure is at most 5 s old
        assertThat(first).hasValue(7);
        assertThat(second).hasValue(7);
        assertThat(third).hasValue(7);
        assertThat(fourth).hasValue(12);
        assertThat(reads).isEqualTo(2);
    }

    @Test
    void waitingMessages_shouldKeepAFailedReadingForMaxAge_soASlowQueueHoldsUpOneSubmitPerPeriod() {
        // Given a queue whose backlog cannot be read (each try may wait out a timeout), then can
        readings.add(OptionalLong.empty());
        readings.add(OptionalLong.of(3));

        // When submits read the gauge during the next 5 s, and once after
        OptionalLong first = gauge.waitingMessages();
        clock.advanceMillis(1_000);
        OptionalLong second = gauge.waitingMessages();
        clock.advanceMillis(3_999);
        OptionalLong third = gauge.waitingMessages();
        clock.advanceMillis(1);
        OptionalLong fourth = gauge.waitingMessages();

        // Then only the first asks the queue in that period; the next period asks again
        assertThat(first).isEmpty();
        assertThat(second).isEmpty();
        assertThat(third).isEmpty();
        assertThat(fourth).hasValue(3);
        assertThat(reads).isEqualTo(2);
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
