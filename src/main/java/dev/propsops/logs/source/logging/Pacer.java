package dev.propsops.logs.source.logging;

import java.util.function.LongSupplier;

/**
 * Spaces requests at least {@code 1 / requestsPerSecond} apart (the first goes at once). Cloud Logging's read
 * quota is 60 {@code entries.list} requests a minute per project; the client's auto-pager would fetch
 * pages back to back, so log-triage fetches them one by one through this. The interval counts from the end
 * of the previous request ({@link #done()}), so that the server too sees them at least that far apart,
 * whatever the latency.
 */
final class Pacer {
    /** Sleeps; a test can record instead. */
    interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private long last = Long.MIN_VALUE;

    Pacer(double requestsPerSecond, LongSupplier nanoTime, Sleeper sleeper) {
        if (!(requestsPerSecond > 0)) {
            throw new IllegalArgumentException("requests per second must be positive, was " + requestsPerSecond);
        }
        this.intervalNanos = (long) (1_000_000_000L / requestsPerSecond);
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
    }

    static Pacer real(double requestsPerSecond) {
        return new Pacer(requestsPerSecond, System::nanoTime, nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)));
    }

    /** Waits until the next request may go. */
    void await() throws InterruptedException {
        long now = nanoTime.getAsLong();
        if (last != Long.MIN_VALUE) {
            long wait = last + intervalNanos - now;
            if (wait > 0) {
                sleeper.sleep(wait);
                now = nanoTime.getAsLong();
            }
        }
        last = now;
    }

    /** The request that {@link #await()} let go has ended: the next interval starts now. */
    void done() {
        last = nanoTime.getAsLong();
    }

    long intervalNanos() {
        return intervalNanos;
    }
}
