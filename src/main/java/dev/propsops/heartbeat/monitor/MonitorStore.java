package dev.propsops.heartbeat.monitor;

import dev.propsops.heartbeat.docs.HeartbeatDoc;
import java.time.Instant;
import java.util.function.Consumer;

/** What the monitor reads from the heartbeat collection; read-only by construction. */
public interface MonitorStore {
    String describe();

    /** Number of documents, from an aggregation (billed one read per 1,000 index entries, no doc is read). */
    long count();

    /** Every document, in large pages: the cheapest way to read a collection of bounded size. */
    void scanAll(Consumer<MonitorDoc> each);

    /**
     * Every document that is not legacy, and the first legacy document of each block of legacy ids (one
     * processor, one date): the rest of a block is skipped with a cursor, so the cost grows with processors
     * and dates, not with the number of per-run documents.
     */
    void scanSkippingLegacy(Consumer<MonitorDoc> each);

    /** Documents whose {@code last_heartbeat} is at or after {@code since}. */
    void beatsSince(Instant since, Consumer<HeartbeatDoc> each);

    /** Documents read so far (what Firestore bills). */
    long docsRead();
}
