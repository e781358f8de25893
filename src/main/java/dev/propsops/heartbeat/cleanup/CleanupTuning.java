package dev.propsops.heartbeat.cleanup;

import dev.propsops.heartbeat.StreamingScan;
import java.time.Duration;

/**
 * How the cleanup talks to Firestore: scan page size, deletes per batch commit, commits in flight, and
 * the retries of a commit that failed with a transient error.
 */
public record CleanupTuning(int pageSize, int batchSize, int concurrency, int maxAttempts, Duration initialBackoff,
        Duration maxBackoff) {
    public CleanupTuning {
        if (pageSize < 1 || batchSize < 1 || batchSize > 10_000 || concurrency < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("invalid cleanup tuning: page " + pageSize + ", batch " + batchSize
                    + ", concurrency " + concurrency + ", attempts " + maxAttempts);
        }
    }

    public static CleanupTuning defaults() {
        return new CleanupTuning(1_000_000, 1_000, 8, 6, Duration.ofMillis(250), Duration.ofSeconds(8));
    }

    /**
     * Under a rate limit, commits of at most a quarter of the starting per-second cap, so the traffic is
     * spread over the second instead of arriving in one burst.
     */
    public CleanupTuning pacedBy(RateLimit limit) {
        if (limit.isUnlimited()) {
            return this;
        }
        int paced = (int) Math.max(1, Math.min(batchSize, Math.floor(limit.initialPerSecond() / 4)));
        return new CleanupTuning(pageSize, paced, concurrency, maxAttempts, initialBackoff, maxBackoff);
    }

    /** How the scan pages and retries a cut stream: the same page size, attempts and backoff. */
    public StreamingScan.Settings scan() {
        return new StreamingScan.Settings(pageSize, maxAttempts, initialBackoff, maxBackoff);
    }

    /** The pause before attempt {@code attempt} (2, 3, ...): exponential, capped, with jitter. */
    public Duration backoff(int attempt, double jitter) {
        return scan().backoff(attempt, jitter);
    }
}
