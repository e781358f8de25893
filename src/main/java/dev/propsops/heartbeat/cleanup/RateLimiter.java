package dev.propsops.heartbeat.cleanup;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Paces write operations to a {@link RateLimit}: each caller reserves its operations and sleeps until
 * they fit. Thread-safe; the reservation is the only shared state.
 */
public final class RateLimiter {
    /** Sleeps for a number of nanoseconds (a test passes one that only advances a fake clock). */
    public interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;
    }

    private final RateLimit limit;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private final long start;
    private long nextFree;

    public RateLimiter(RateLimit limit, LongSupplier nanoTime, Sleeper sleeper) {
        this.limit = limit;
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
        this.start = nanoTime.getAsLong();
        this.nextFree = start;
    }

    public static RateLimiter of(RateLimit limit) {
        return new RateLimiter(limit, System::nanoTime, nanos -> java.util.concurrent.TimeUnit.NANOSECONDS.sleep(nanos));
    }

    public RateLimit limit() {
        return limit;
    }

    /** Blocks until {@code operations} more operations are allowed. */
    public void acquire(int operations) throws InterruptedException {
        if (limit.isUnlimited() || operations <= 0) {
            return;
        }
        long wait;
        synchronized (this) {
            long now = nanoTime.getAsLong();
            double rate = limit.rateAt(Duration.ofNanos(now - start));
            long cost = (long) Math.ceil(operations * 1e9 / rate);
            long begin = Math.max(nextFree, now);
            nextFree = begin + cost;
            wait = begin - now;
        }
        if (wait > 0) {
            sleeper.sleepNanos(wait);
        }
    }
}
