package dev.propsops.heartbeat.monitor;

import com.google.cloud.firestore.CollectionReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.FieldPath;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.Query;
import com.google.cloud.firestore.QueryDocumentSnapshot;
import dev.propsops.heartbeat.DocumentIds;
import dev.propsops.heartbeat.FirestoreDocs;
import dev.propsops.heartbeat.HeartbeatCollection;
import dev.propsops.heartbeat.StreamingScan;
import dev.propsops.heartbeat.HeartbeatFields;
import dev.propsops.heartbeat.docs.Classification;
import dev.propsops.heartbeat.docs.Classifier;
import dev.propsops.heartbeat.docs.DocKind;
import dev.propsops.heartbeat.docs.HeartbeatDoc;
import dev.propsops.heartbeat.docs.LegacyId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** The heartbeat collection in Firestore, read for the monitor. */
public final class FirestoreMonitorStore implements MonitorStore {
    /** Reading is enough. */
    public static final String ROLE = "roles/datastore.viewer";
    /** Sorts after every character of a document id (U+10FFFF), for "the end of this id prefix". */
    static final String AFTER_EVERYTHING = "\uDBFF\uDFFF";
    private static final int MAX_PAGE = 1_000;
    /** Whole-collection reads, only of small collections: one streamed query, a few quick retries. */
    private static final StreamingScan.Settings FULL_READ = new StreamingScan.Settings(1_000_000, 3,
            Duration.ofMillis(250), Duration.ofSeconds(2));

    private final HeartbeatCollection heartbeats;
    private final CollectionReference collection;
    private final AtomicLong read = new AtomicLong();

    public FirestoreMonitorStore(Firestore db, String collection) {
        this.heartbeats = new HeartbeatCollection(db, collection, ROLE);
        this.collection = heartbeats.ref();
    }

    @Override
    public String describe() {
        return heartbeats.describe();
    }

    @Override
    public long count() {
        return heartbeats.count();
    }

    @Override
    public void scanAll(Consumer<MonitorDoc> each) {
        new StreamingScan<>(heartbeats, FULL_READ, FirestoreMonitorStore::toMonitorDoc, (MonitorDoc d) -> d.doc().id())
                .run(monitorFields(), monitorFields(), d -> {
                    read.incrementAndGet();
                    each.accept(d);
                });
    }

    private Query monitorFields() {
        return collection.select(HeartbeatFields.PROCESSOR_NAME, HeartbeatFields.LAST_HEARTBEAT, HeartbeatFields.STATUS,
                HeartbeatFields.EXPECTED_INTERVAL_SECONDS).orderBy(FieldPath.documentId());
    }

    @Override
    public void scanSkippingLegacy(Consumer<MonitorDoc> each) {
        Query base = monitorFields();
        String cursor = null;
        int limit = 64;
        while (true) {
            Query q = (cursor == null ? base : base.startAfter(collection.document(cursor))).limit(limit);
            List<QueryDocumentSnapshot> docs = heartbeats.call("read " + collection.getId(), () -> q.get().get()).getDocuments();
            read.addAndGet(docs.size());
            String jumpTo = null;
            for (QueryDocumentSnapshot d : docs) {
                MonitorDoc doc = toMonitorDoc(d);
                each.accept(doc);
                cursor = d.getId();
                Classification c = Classifier.classify(doc.doc());
                if (c.is(DocKind.LEGACY)) {
                    String end = endOfBlock(d.getId(), c.processor().orElseThrow());
                    if (DocumentIds.compare(end, d.getId()) > 0) {
                        jumpTo = end;
                        break;
                    }
                }
            }
            if (jumpTo != null) {
                // the rest of this processor's per-run docs for this date sort together: skip them unread
                cursor = jumpTo;
                limit = 1;
            } else if (docs.size() < limit) {
                return;
            } else {
                limit = Math.min(limit * 4, MAX_PAGE);
            }
        }
    }

    /** The last possible id of the block {@code <processor>_<token>_...} that {@code id} opens. */
    static String endOfBlock(String id, String processor) {
        String token = LegacyId.parseFor(id, processor).map(LegacyId::dateToken).orElseThrow();
        return processor + "_" + token + "_" + AFTER_EVERYTHING;
    }

    @Override
    public void beatsSince(Instant since, Consumer<HeartbeatDoc> each) {
        Query base = collection.whereGreaterThanOrEqualTo(HeartbeatFields.LAST_HEARTBEAT, FirestoreDocs.timestamp(since))
                .select(HeartbeatFields.PROCESSOR_NAME, HeartbeatFields.LAST_HEARTBEAT)
                .orderBy(HeartbeatFields.LAST_HEARTBEAT).orderBy(FieldPath.documentId()).limit(MAX_PAGE);
        Query page = base;
        while (true) {
            Query q = page;
            List<QueryDocumentSnapshot> docs = heartbeats.call("read " + collection.getId(), () -> q.get().get()).getDocuments();
            read.addAndGet(docs.size());
            docs.forEach(d -> each.accept(FirestoreDocs.toHeartbeatDoc(d)));
            if (docs.size() < MAX_PAGE) {
                return;
            }
            page = base.startAfter(docs.get(docs.size() - 1));
        }
    }

    @Override
    public long docsRead() {
        return read.get();
    }

    private static MonitorDoc toMonitorDoc(DocumentSnapshot d) {
        return new MonitorDoc(FirestoreDocs.toHeartbeatDoc(d), d.get(FirestoreDocs.STATUS),
                d.get(FirestoreDocs.EXPECTED_INTERVAL_SECONDS));
    }
}
