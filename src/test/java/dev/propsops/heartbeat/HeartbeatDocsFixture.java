package dev.propsops.heartbeat;

import com.google.cloud.Timestamp;
import com.google.cloud.firestore.CollectionReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.WriteBatch;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;

/** Writes heartbeat docs of any shape to the emulator in batches, and reads the collection back. */
public final class HeartbeatDocsFixture {
    private final Firestore db;
    private final CollectionReference collection;
    private final Map<String, Map<String, Object>> pending = new LinkedHashMap<>();

    public HeartbeatDocsFixture(Firestore db, String collection) {
        this.db = db;
        this.collection = db.collection(collection);
    }

    /** A doc as a processor writes it; {@code name} null leaves processor_name out. */
    public HeartbeatDocsFixture beat(String id, String name, Instant lastHeartbeat, String status) {
        Map<String, Object> data = new HashMap<>();
        if (name != null) {
            data.put(HeartbeatFields.PROCESSOR_NAME, name);
        }
        if (lastHeartbeat != null) {
            data.put(HeartbeatFields.LAST_HEARTBEAT, ts(lastHeartbeat));
        }
        data.put(HeartbeatFields.STATUS, status);
        return put(id, data);
    }

    public HeartbeatDocsFixture put(String id, Map<String, Object> data) {
        pending.put(id, data);
        if (pending.size() >= 500) {
            flush();
        }
        return this;
    }

    public HeartbeatDocsFixture flush() {
        if (pending.isEmpty()) {
            return this;
        }
        WriteBatch batch = db.batch();
        pending.forEach((id, data) -> batch.set(collection.document(id), data));
        pending.clear();
        try {
            batch.commit().get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    /** An aggregation count: cheap enough to poll while a job deletes. */
    public long count() {
        try {
            return collection.count().get().get().getCount();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every doc of the collection: id -> data, sorted by id. */
    public Map<String, Map<String, Object>> all() {
        Map<String, Map<String, Object>> result = new TreeMap<>();
        try {
            for (DocumentSnapshot d : collection.get().get().getDocuments()) {
                result.put(d.getId(), d.getData());
            }
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
        return result;
    }

    public static Timestamp ts(Instant i) {
        return Timestamp.ofTimeSecondsAndNanos(i.getEpochSecond(), i.getNano());
    }
}
