package dev.propsops.heartbeat.cleanup;

import dev.propsops.heartbeat.docs.HeartbeatDoc;
import java.time.Instant;
import java.util.Optional;

/**
 * What the scan learned about one processor: a handful of numbers and instants, whatever the number of
 * its documents, so the memory of a run grows with processors, never with documents.
 */
public final class ProcessorTally {
    private final String processor;
    private boolean canonical;
    private boolean canonicalIsHeartbeat;
    private Instant canonicalLastSeen;
    private long legacy;
    private long legacyRecent;
    private long legacyOwnedOld;
    private Instant oldestLegacyBeat;
    private Instant newestLegacyBeat;
    private String newestLegacyId;

    ProcessorTally(String processor) {
        this.processor = processor;
    }

    void addCanonical(HeartbeatDoc doc) {
        canonical = true;
        canonicalIsHeartbeat = CleanupPlan.evidentlyAHeartbeat(doc);
        canonicalLastSeen = doc.lastSeen();
    }

    void addLegacy(HeartbeatDoc doc, boolean writtenRecently, boolean owned) {
        legacy++;
        if (writtenRecently) {
            legacyRecent++;
        } else if (owned) {
            legacyOwnedOld++;
        }
        Instant beat = doc.lastSeen();
        if (oldestLegacyBeat == null || beat.isBefore(oldestLegacyBeat)) {
            oldestLegacyBeat = beat;
        }
        // ties go to the larger id so that every task of a sharded run picks the same doc
        if (newestLegacyBeat == null || beat.isAfter(newestLegacyBeat)
                || (beat.equals(newestLegacyBeat) && doc.id().compareTo(newestLegacyId) > 0)) {
            newestLegacyBeat = beat;
            newestLegacyId = doc.id();
        }
    }

    public String processor() {
        return processor;
    }

    public boolean hasCanonical() {
        return canonical;
    }

    /** Its canonical doc names itself or carries a heartbeat: only such a doc may be retired. */
    public boolean canonicalIsHeartbeat() {
        return canonicalIsHeartbeat;
    }

    public Optional<Instant> canonicalLastSeen() {
        return Optional.ofNullable(canonicalLastSeen);
    }

    public long legacy() {
        return legacy;
    }

    /** Legacy docs written within --min-age: runs in flight, kept. */
    public long legacyRecent() {
        return legacyRecent;
    }

    /** Legacy docs older than --min-age, in the whole collection. */
    public long legacyOld() {
        return legacy - legacyRecent;
    }

    /** Legacy docs older than --min-age in this task's share. */
    public long legacyOwnedOld() {
        return legacyOwnedOld;
    }

    public Optional<Instant> oldestLegacyBeat() {
        return Optional.ofNullable(oldestLegacyBeat);
    }

    public Optional<Instant> newestLegacyBeat() {
        return Optional.ofNullable(newestLegacyBeat);
    }

    public Optional<String> newestLegacyId() {
        return Optional.ofNullable(newestLegacyId);
    }

    /** When the processor last showed life, canonical and legacy docs together. */
    public Instant lastSeen() {
        Instant a = canonicalLastSeen;
        Instant b = newestLegacyBeat;
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
