package dev.propsops.heartbeat.cleanup;

import dev.propsops.heartbeat.docs.Classification;
import dev.propsops.heartbeat.docs.DocKind;
import dev.propsops.heartbeat.docs.HeartbeatDoc;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The plan of a run, made from the first pass's tallies alone, and the one rule that decides, document by
 * document in the second pass, what is deleted. Pure: no I/O, so every rule is unit-tested.
 */
public final class CleanupPlan {
    private final CleanupPolicy policy;
    private final Shard shard;
    private final Map<String, ProcessorPlan> processors;
    private final long scanned;
    private final long foreign;
    private final long malformed;
    private final long ownedToDelete;

    private CleanupPlan(CleanupPolicy policy, Shard shard, Map<String, ProcessorPlan> processors, long scanned,
            long foreign, long malformed, long ownedToDelete) {
        this.policy = policy;
        this.shard = shard;
        this.processors = processors;
        this.scanned = scanned;
        this.foreign = foreign;
        this.malformed = malformed;
        this.ownedToDelete = ownedToDelete;
    }

    public static CleanupPlan from(CollectionTally tally) {
        CleanupPolicy policy = tally.policy();
        Map<String, ProcessorPlan> plans = new LinkedHashMap<>();
        long owned = 0;
        for (ProcessorTally t : tally.processors()) {
            ProcessorPlan p = planFor(t, policy);
            plans.put(t.processor(), p);
            if (p.action() != ProcessorPlan.Action.KEEP) {
                owned += t.legacyOwnedOld();
                if (p.action() == ProcessorPlan.Action.RETIRE && p.canonicalRetirable() && tally.shard().owns(t.processor())) {
                    owned++;
                }
            }
        }
        return new CleanupPlan(policy, tally.shard(), Collections.unmodifiableMap(plans), tally.scanned(), tally.foreign(),
                tally.malformed(), owned);
    }

    static ProcessorPlan planFor(ProcessorTally t, CleanupPolicy policy) {
        ProcessorPlan.Action action;
        if (policy.silentSinceRetireCutoff(t.lastSeen())) {
            action = ProcessorPlan.Action.RETIRE;
        } else if (t.legacyOld() == 0) {
            action = ProcessorPlan.Action.KEEP;
        } else if (t.hasCanonical()) {
            action = ProcessorPlan.Action.DELETE_LEGACY;
        } else {
            action = ProcessorPlan.Action.MIGRATE;
        }
        boolean retirable = t.hasCanonical() && t.canonicalIsHeartbeat();
        if (action == ProcessorPlan.Action.RETIRE && !retirable && t.legacyOld() == 0) {
            action = ProcessorPlan.Action.KEEP;
        }
        boolean stillWriting = t.newestLegacyBeat().map(policy::stillRunningOldCode).orElse(false);
        return new ProcessorPlan(t.processor(), action, t.hasCanonical(), retirable, t.canonicalLastSeen(), t.legacy(), t.legacyOld(),
                t.legacyRecent(), t.oldestLegacyBeat(), t.newestLegacyBeat(), t.newestLegacyId(), stillWriting);
    }

    /**
     * Whether the second pass deletes {@code doc}, as it is now. Foreign docs, docs of processors the plan
     * does not know (they appeared after the scan), docs written within --min-age, docs outside this task's
     * share, and legacy docs of a processor whose canonical doc is not confirmed to exist are all kept.
     *
     * @param canonicalConfirmed whether a processor to migrate now has its canonical doc (copied by this run
     *        or found already there); never asked for other processors
     */
    public boolean deletes(HeartbeatDoc doc, Classification c, Predicate<String> canonicalConfirmed) {
        if (c.is(DocKind.FOREIGN) || !shard.owns(doc.id())) {
            return false;
        }
        ProcessorPlan p = processors.get(c.processor().orElseThrow());
        if (p == null || p.action() == ProcessorPlan.Action.KEEP) {
            return false;
        }
        if (c.is(DocKind.CANONICAL)) {
            // re-checked on the doc as it is now: a beat since the scan saves it
            return p.action() == ProcessorPlan.Action.RETIRE && evidentlyAHeartbeat(doc)
                    && policy.silentSinceRetireCutoff(doc.lastSeen()) && !policy.writtenRecently(doc.updateTime());
        }
        if (policy.writtenRecently(doc.updateTime())) {
            return false;
        }
        return switch (p.action()) {
            case DELETE_LEGACY, RETIRE -> true;
            case MIGRATE -> canonicalConfirmed.test(p.processor());
            case KEEP -> false;
        };
    }

    /**
     * A canonical doc is one whose id has no legacy shape, which a config doc without a
     * {@code processor_name} also satisfies: only a doc that names itself or carries a heartbeat may be retired.
     */
    static boolean evidentlyAHeartbeat(HeartbeatDoc doc) {
        return doc.id().equals(doc.processorName()) || doc.lastBeat().isPresent();
    }

    /** Processors whose newest legacy doc must be copied to the canonical id before their legacy docs go. */
    public List<ProcessorPlan> toMigrate() {
        return processors.values().stream().filter(p -> p.action() == ProcessorPlan.Action.MIGRATE).toList();
    }

    /** Processors still running the old heartbeat code: the fix must be deployed to them. */
    public List<String> stillWritingLegacy() {
        List<String> names = new ArrayList<>();
        processors.values().stream().filter(ProcessorPlan::stillWritingLegacy).forEach(p -> names.add(p.processor()));
        return names;
    }

    public Map<String, ProcessorPlan> processors() {
        return processors;
    }

    public long toDelete() {
        return processors.values().stream().mapToLong(ProcessorPlan::toDelete).sum();
    }

    /** Docs this task deletes if nothing changes meanwhile (all of {@link #toDelete()} for a single task). */
    public long ownedToDelete() {
        return ownedToDelete;
    }

    public long toKeep() {
        return scanned - toDelete();
    }

    public long scanned() {
        return scanned;
    }

    public long foreign() {
        return foreign;
    }

    public long malformed() {
        return malformed;
    }

    public long canonical() {
        return processors.values().stream().filter(ProcessorPlan::canonicalPresent).count();
    }

    public long legacy() {
        return processors.values().stream().mapToLong(ProcessorPlan::legacyDocs).sum();
    }

    public CleanupPolicy policy() {
        return policy;
    }

    public Shard shard() {
        return shard;
    }
}
