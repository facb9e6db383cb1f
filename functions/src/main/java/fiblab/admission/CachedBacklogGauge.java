package fiblab.admission;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * Reads another gauge at most once per {@code maxAge} and answers from the last reading in between,
 * so that a burst of submits costs one queue read, not one each. A reading is at most
 * {@code maxAge} old; a failed reading is not cached, so the next call asks again.
 */
public final class CachedBacklogGauge implements BacklogGauge {

    private final BacklogGauge source;
    private final Clock clock;
    private final Duration maxAge;
    private OptionalLong lastReading = OptionalLong.empty();
    private Instant readAt = Instant.MIN;

    public CachedBacklogGauge(BacklogGauge source, Clock clock, Duration maxAge) {
        this.source = source;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    @Override
    public synchronized OptionalLong waitingMessages() {
        Instant now = clock.instant();
        if (lastReading.isEmpty() || !now.isBefore(readAt.plus(maxAge))) {
            lastReading = source.waitingMessages();
            readAt = now;
        }
        return lastReading;
    }
}
