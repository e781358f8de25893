package dev.propsops.heartbeat.cleanup;

import java.time.Instant;
import java.util.Optional;

/**
 * What the cleanup does for one processor, and the facts the report shows about it.
 *
 * @param action what happens
 * @param legacyToDelete legacy docs older than --min-age (deleted unless the action is {@link Action#KEEP})
 * @param legacyRecent legacy docs written within --min-age: runs in flight, kept
 * @param canonicalRetirable its canonical doc is evidently a heartbeat (it names itself or carries a
 *        {@code last_heartbeat} timestamp); a doc that merely has no legacy shape is never retired
 * @param stillWritingLegacy its newest legacy heartbeat is under 24 hours old: it still runs the old code
 */
public record ProcessorPlan(String processor, Action action, boolean canonicalPresent, boolean canonicalRetirable,
        Optional<Instant> canonicalLastSeen,
        long legacyDocs, long legacyToDelete, long legacyRecent, Optional<Instant> oldestLegacyBeat,
        Optional<Instant> newestLegacyBeat, Optional<String> newestLegacyId, boolean stillWritingLegacy) {

    public enum Action {
        /** Nothing to delete: one canonical doc and at most runs in flight. */
        KEEP,
        /** The canonical doc is there: its old legacy docs go. */
        DELETE_LEGACY,
        /** No canonical doc: the newest legacy doc is copied to the canonical id first, then the old legacy docs go. */
        MIGRATE,
        /** Silent for longer than --retire-after: every old doc goes, the canonical one too; its next beat recreates it. */
        RETIRE
    }

    /** Docs this processor loses, the canonical one included when retired. */
    public long toDelete() {
        return switch (action) {
            case KEEP -> 0;
            case DELETE_LEGACY, MIGRATE -> legacyToDelete;
            case RETIRE -> legacyToDelete + (canonicalRetirable ? 1 : 0);
        };
    }

    /** One line for the report. */
    public String describe() {
        return switch (action) {
            case KEEP -> legacyRecent > 0 ? "keep (" + legacyRecent + " legacy docs of runs in flight)" : "keep";
            case DELETE_LEGACY -> "delete " + legacyToDelete + " legacy docs" + recentNote();
            case MIGRATE -> "copy newest legacy doc to the canonical id, then delete " + legacyToDelete + " legacy docs" + recentNote();
            case RETIRE -> "retire: delete " + toDelete() + " docs (silent past --retire-after)" + recentNote();
        };
    }

    private String recentNote() {
        return legacyRecent > 0 ? "; keep " + legacyRecent + " of runs in flight" : "";
    }
}
