package dev.propsops.heartbeat.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    /** A fake clock that the limiter's sleeps advance. */
    private final AtomicLong clock = new AtomicLong(1_000);

    private RateLimiter limiter(RateLimit limit) {
        return new RateLimiter(limit, clock::get, clock::addAndGet);
    }

    @Test
    void aFixedCapSpacesOperationsEvenly() throws Exception {
        RateLimiter l = limiter(RateLimit.fixed(500));
        long start = clock.get();
        for (int i = 0; i < 10; i++) {
            l.acquire(500);
        }
        // 5,000 ops at 500/s: the tenth batch may start after 9 s
        assertThat(clock.get() - start).isEqualTo(Duration.ofSeconds(9).toNanos());
    }

    @Test
    void theFirestoreRampGrowsFiftyPercentEveryFiveMinutesUpToItsCeiling() {
        RateLimit ramp = RateLimit.firestoreRamp(1_000);
        assertThat(ramp.rateAt(Duration.ZERO)).isEqualTo(500);
        assertThat(ramp.rateAt(Duration.ofMinutes(4))).isEqualTo(500);
        assertThat(ramp.rateAt(Duration.ofMinutes(5))).isEqualTo(750);
        assertThat(ramp.rateAt(Duration.ofMinutes(10))).isEqualTo(1_000);
        assertThat(ramp.rateAt(Duration.ofHours(10))).isEqualTo(1_000);
        assertThat(ramp.dividedAmong(4).rateAt(Duration.ZERO)).isEqualTo(125);
    }

    @Test
    void unlimitedNeverWaits() throws Exception {
        RateLimiter l = limiter(RateLimit.unlimited());
        long start = clock.get();
        l.acquire(1_000_000);
        assertThat(clock.get()).isEqualTo(start);
        assertThat(RateLimit.unlimited().describe()).isEqualTo("unlimited");
    }
}
