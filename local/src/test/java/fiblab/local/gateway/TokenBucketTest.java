package fiblab.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import fiblab.local.template.Throttle;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private final AtomicLong nanos = new AtomicLong(5_000_000_000L);

    @Test
    void tryAcquire_shouldAllowTheBurstAtOnce_thenTheRate() {
        // Given 2 requests per second with a burst of 3
        TokenBucket bucket = new TokenBucket(new Throttle(2, 3), nanos::get);

        // When / Then: the full bucket lets three through at once, not a fourth
        assertThat(bucket.tryAcquire()).isTrue();
        assertThat(bucket.tryAcquire()).isTrue();
        assertThat(bucket.tryAcquire()).isTrue();
        assertThat(bucket.tryAcquire()).isFalse();

        // half a second refills one token, not two
        nanos.addAndGet(500_000_000L);
        assertThat(bucket.tryAcquire()).isTrue();
        assertThat(bucket.tryAcquire()).isFalse();

        // a long pause refills up to the burst only
        nanos.addAndGet(60_000_000_000L);
        int admitted = 0;
        while (bucket.tryAcquire()) {
            admitted++;
        }
        assertThat(admitted).isEqualTo(3);
    }

    @Test
    void tryAcquire_shouldRefuseEverything_whenTheBurstIsZero() {
        TokenBucket bucket = new TokenBucket(new Throttle(100, 0), nanos::get);

        nanos.addAndGet(1_000_000_000L);

        assertThat(bucket.tryAcquire()).isFalse();
    }
}
