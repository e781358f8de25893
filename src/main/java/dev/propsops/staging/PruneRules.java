package dev.propsops.staging;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** Everything the planner decides with: the action, the name policy, the durations, the prices and "now". */
public record PruneRules(PruneAction action, NamePolicy names, Duration olderThan, Duration grace,
        Duration lifecycleAfter, StorageCost cost, Instant now) {
    /** The label that keeps a table whatever its name and age. */
    public static final String KEEP_LABEL = "props-ops-keep";
    /** The label lifecycle puts on the tables whose expiration it set, so that it may push it out later. */
    public static final String LIFECYCLE_LABEL = "props-ops-lifecycle";
    /** Below these the job refuses to run: a near-zero grace or age makes "expire" a delete without a manifest. */
    public static final Duration MIN_GRACE = Duration.ofHours(1);
    public static final Duration MIN_OLDER_THAN = Duration.ofHours(1);

    public PruneRules {
        Objects.requireNonNull(action);
        Objects.requireNonNull(names);
        Objects.requireNonNull(now);
        requireAtLeast("--grace", grace, MIN_GRACE);
        requireAtLeast("--older-than", olderThan, MIN_OLDER_THAN);
        requireAtLeast("--lifecycle-after", lifecycleAfter, Duration.ofDays(1));
    }

    private static void requireAtLeast(String what, Duration value, Duration min) {
        if (value == null || value.compareTo(min) < 0) {
            throw new IllegalArgumentException(what + " must be at least " + dev.propsops.cli.DurationConverter.format(min)
                    + ", was " + (value == null ? "unset" : dev.propsops.cli.DurationConverter.format(value)));
        }
    }

    /**
     * --grace from now: the expiration {@code expire} sets, and the earliest one props-ops ever sets (an
     * expiration in the past deletes the table at once).
     */
    public Instant graceEnd() {
        return now.plus(grace);
    }
}
