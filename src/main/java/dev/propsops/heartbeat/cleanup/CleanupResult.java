package dev.propsops.heartbeat.cleanup;

import java.time.Duration;

/**
 * What an executed run did.
 *
 * @param deleted docs deleted
 * @param skipped docs left because they changed or vanished after they were seen (their precondition failed)
 * @param migrations the canonical docs copied, found, or that could not be made
 * @param elapsed time of the run's acting part (with {@code streamed}, the whole run)
 * @param streamed the plan was made in the same pass as the first deletes ({@code --yes} and a collection
 *        no larger than --max-deletes)
 */
public record CleanupResult(long deleted, long skipped, Migrations migrations, Duration elapsed, boolean streamed) {
    public double docsPerSecond() {
        double s = elapsed.toNanos() / 1e9;
        return s <= 0 ? 0 : deleted / s;
    }
}
