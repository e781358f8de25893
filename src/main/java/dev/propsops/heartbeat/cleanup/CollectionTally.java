package dev.propsops.heartbeat.cleanup;

import dev.propsops.heartbeat.docs.Classification;
import dev.propsops.heartbeat.docs.Classifier;
import dev.propsops.heartbeat.docs.DocKind;
import dev.propsops.heartbeat.docs.HeartbeatDoc;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/** The first pass: every document classified and folded into per-processor tallies and totals. */
public final class CollectionTally {
    private final CleanupPolicy policy;
    private final Shard shard;
    private final Map<String, ProcessorTally> processors = new TreeMap<>();
    private long scanned;
    private long foreign;
    private long malformed;

    public CollectionTally(CleanupPolicy policy, Shard shard) {
        this.policy = policy;
        this.shard = shard;
    }

    public void add(HeartbeatDoc doc) {
        add(doc, Classifier.classify(doc));
    }

    /** Adds a doc already classified (the streaming pass classifies once for the tally and the delete). */
    public void add(HeartbeatDoc doc, Classification c) {
        scanned++;
        if (c.malformed()) {
            malformed++;
        }
        if (c.is(DocKind.FOREIGN)) {
            foreign++;
            return;
        }
        ProcessorTally t = processors.computeIfAbsent(c.processor().orElseThrow(), ProcessorTally::new);
        if (c.is(DocKind.CANONICAL)) {
            t.addCanonical(doc);
        } else {
            t.addLegacy(doc, policy.writtenRecently(doc.updateTime()), shard.owns(doc.id()));
        }
    }

    public Collection<ProcessorTally> processors() {
        return processors.values();
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

    public CleanupPolicy policy() {
        return policy;
    }

    public Shard shard() {
        return shard;
    }
}
