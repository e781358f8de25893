package dev.propsops.heartbeat.cleanup;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The time rules of one cleanup run, fixed when the run starts so that the plan and the deletes that
 * follow it apply the very same cutoffs.
 *
 * @param now when the run started
 * @param minAge legacy docs written (update time) more recently than this are runs in flight: kept
 * @param retireAfter a processor silent for longer than this is retired: its docs go, no doc is kept
 * @param stillRunningWindow a processor whose newest legacy heartbeat is younger than this still runs the old code
 */
public record CleanupPolicy(Instant now, Duration minAge, Duration retireAfter, Duration stillRunningWindow) {
    public static final Duration STILL_RUNNING_WINDOW = Duration.ofHours(24);

    public CleanupPolicy {
        Objects.requireNonNull(now, "now");
        if (minAge.isNegative() || retireAfter.isNegative() || stillRunningWindow.isNegative()) {
            throw new IllegalArgumentException("durations must not be negative");
        }
        if (retireAfter.compareTo(minAge) <= 0) {
            throw new IllegalArgumentException("--retire-after (" + retireAfter + ") must be longer than --min-age (" + minAge + ")");
        }
    }

    public static CleanupPolicy of(Instant now, Duration minAge, Duration retireAfter) {
        return new CleanupPolicy(now, minAge, retireAfter, STILL_RUNNING_WINDOW);
    }

    /** Docs updated after this instant are left alone. */
    public Instant minAgeCutoff() {
        return now.minus(minAge);
    }

    /** Processors last seen before this instant are retired. */
    public Instant retireCutoff() {
        return now.minus(retireAfter);
    }

    public boolean writtenRecently(Instant updateTime) {
        return updateTime.isAfter(minAgeCutoff());
    }

    public boolean silentSinceRetireCutoff(Instant lastSeen) {
        return lastSeen.isBefore(retireCutoff());
    }

    public boolean stillRunningOldCode(Instant newestLegacyBeat) {
        return newestLegacyBeat.isAfter(now.minus(stillRunningWindow));
    }
}
