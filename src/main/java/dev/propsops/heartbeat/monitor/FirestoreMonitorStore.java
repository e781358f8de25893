package dev.propsops.heartbeat.monitor;

import com.google.cloud.firestore.CollectionReference;
import com.google.cloud.firestore.FieldPath;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.Query;
import com.google.cloud.firestore.QueryDocumentSnapshot;
import dev.propsops.cli.StoreException;
import dev.propsops.gcp.FirestoreTarget;
import dev.propsops.heartbeat.DocumentIds;
import dev.propsops.heartbeat.FirestoreDocs;
import dev.propsops.heartbeat.HeartbeatFields;
import dev.propsops.heartbeat.docs.Classification;
import dev.propsops.heartbeat.docs.Classifier;
import dev.propsops.heartbeat.docs.DocKind;
import dev.propsops.heartbeat.docs.HeartbeatDoc;
import dev.propsops.heartbeat.docs.LegacyId;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** The heartbeat collection in Firestore, read for the monitor. */
public final class FirestoreMonitorStore implements MonitorStore {
    /** Reading is enough. */
    public static final String ROLE = "roles/datastore.viewer";
    /** Sorts after every character of a document id (U+10FFFF), for "the end of this id prefix". */
    static final String AFTER_EVERYTHING = "\uDBFF\uDFFF";
    private static final int MAX_PAGE = 1_000;
    /** Whole-collection reads: large pages are several times faster than small ones. */
    private static final int FULL_READ_PAGE = 5_000;

    private final Firestore db;
    private final CollectionReference collection;
    private final AtomicLong read = new AtomicLong();

    public FirestoreMonitorStore(Firestore db, String collection) {
        this.db = db;
        this.collection = db.collection(collection);
    }

    @Override
    public String describe() {
        return "collection " + collection.getId() + " in " + FirestoreTarget.of(db).describe();
    }

    @Override
    public long count() {
        return call("count the documents of " + collection.getId(), () -> collection.count().get().get().getCount());
    }

    @Override
    public void scanAll(Consumer<MonitorDoc> each) {
        Query base = monitorFields().limit(FULL_READ_PAGE);
        Query page = base;
        while (true) {
            Query q = page;
            List<QueryDocumentSnapshot> docs = call("read " + collection.getId(), () -> q.get().get()).getDocuments();
            read.addAndGet(docs.size());
            docs.forEach(d -> each.accept(toMonitorDoc(d)));
            if (docs.size() < FULL_READ_PAGE) {
                return;
            }
            page = base.startAfter(docs.get(docs.size() - 1));
        }
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
            List<QueryDocumentSnapshot> docs = call("read " + collection.getId(), () -> q.get().get()).getDocuments();
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
            List<QueryDocumentSnapshot> docs = call("read " + collection.getId(), () -> q.get().get()).getDocuments();
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

    private static MonitorDoc toMonitorDoc(QueryDocumentSnapshot d) {
        return new MonitorDoc(FirestoreDocs.toHeartbeatDoc(d), d.get(FirestoreDocs.STATUS),
                d.get(FirestoreDocs.EXPECTED_INTERVAL_SECONDS));
    }

    private <T> T call(String operation, FirestoreCall<T> call) {
        try {
            return call.get();
        } catch (ExecutionException e) {
            throw new StoreException(operation, FirestoreTarget.of(db).describe(), ROLE, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException(operation, FirestoreTarget.of(db).describe(), ROLE, e);
        }
    }

    private interface FirestoreCall<T> {
        T get() throws ExecutionException, InterruptedException;
    }
}
