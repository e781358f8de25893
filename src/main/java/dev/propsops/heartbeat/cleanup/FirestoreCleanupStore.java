package dev.propsops.heartbeat.cleanup;

import com.google.cloud.firestore.CollectionReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.FieldPath;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.Query;
import dev.propsops.heartbeat.FirestoreDocs;
import dev.propsops.heartbeat.FirestoreErrors;
import dev.propsops.heartbeat.HeartbeatCollection;
import dev.propsops.heartbeat.StreamingScan;
import dev.propsops.heartbeat.HeartbeatFields;
import dev.propsops.heartbeat.docs.HeartbeatDoc;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/** The heartbeat collection in Firestore (or its emulator), for the cleanup. */
public final class FirestoreCleanupStore implements CleanupStore {
    /** Reads, creates and deletes documents. */
    public static final String ROLE = "roles/datastore.user";

    private final HeartbeatCollection heartbeats;
    private final CollectionReference collection;
    private final CleanupTuning tuning;

    public FirestoreCleanupStore(Firestore db, String collection, CleanupTuning tuning) {
        this.heartbeats = new HeartbeatCollection(db, collection, ROLE);
        this.collection = heartbeats.ref();
        this.tuning = tuning;
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
    public void scan(Consumer<HeartbeatDoc> each) {
        streaming().run(fields(), fields(), each);
    }

    @Override
    public void scan(IdRange range, Consumer<HeartbeatDoc> each) {
        Query base = fields().endAt(collection.document(range.last()));
        streaming().run(base, base.startAt(collection.document(range.first())), each);
    }

    /** Keys plus the two fields the rules need, in id order. */
    private Query fields() {
        return collection.select(HeartbeatFields.PROCESSOR_NAME, HeartbeatFields.LAST_HEARTBEAT).orderBy(FieldPath.documentId());
    }

    private StreamingScan<HeartbeatDoc> streaming() {
        return new StreamingScan<>(heartbeats, tuning.scan(), FirestoreDocs::toHeartbeatDoc, HeartbeatDoc::id);
    }

    @Override
    public Optional<Map<String, Object>> read(String id) {
        DocumentSnapshot s = heartbeats.call("read " + collection.getId() + "/" + id, () -> collection.document(id).get().get());
        return s.exists() ? Optional.of(new HashMap<>(s.getData())) : Optional.empty();
    }

    @Override
    public boolean createIfAbsent(String id, Map<String, Object> data) {
        try {
            collection.document(id).create(data).get();
            return true;
        } catch (ExecutionException e) {
            if (FirestoreErrors.isAlreadyExists(e)) {
                return false;
            }
            throw heartbeats.failure("create " + collection.getId() + "/" + id, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw heartbeats.failure("create " + collection.getId() + "/" + id, e);
        }
    }

    @Override
    public Deleter deleter(RateLimiter limiter, LongConsumer onDone) {
        return new FirestoreDeleter(heartbeats.db(), collection, tuning, limiter, onDone,
                cause -> heartbeats.failure("delete documents of " + collection.getId(), cause));
    }
}
