package fiblab.admission;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * Reads another gauge at most once per {@code maxAge} and answers from the last reading in between,
 * so that a burst of submits costs one queue read, not one each. A reading is at most
 * {@code maxAge} old. A failed reading is kept as long: a queue that does not answer holds up one
 * caller per period (for at most the read's own short timeout), not every submit.
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
        if (!now.isBefore(readAt.plus(maxAge))) {
            lastReading = source.waitingMessages();
            readAt = now;
        }
        return lastReading;
    }
}
