package dev.propsops.heartbeat;

import com.google.cloud.firestore.CollectionReference;
import com.google.cloud.firestore.Firestore;
import dev.propsops.cli.StoreException;
import dev.propsops.gcp.FirestoreTarget;
import java.util.concurrent.ExecutionException;

/**
 * The heartbeat collection as the Firestore stores of the jobs see it: its name for messages, its size,
 * and calls whose failures name the operation, the collection's target and the IAM role the job needs.
 */
public final class HeartbeatCollection {
    private final Firestore db;
    private final CollectionReference ref;
    private final String role;

    public HeartbeatCollection(Firestore db, String name, String role) {
        this.db = db;
        this.ref = db.collection(name);
        this.role = role;
    }

    public Firestore db() {
        return db;
    }

    public CollectionReference ref() {
        return ref;
    }

    public String id() {
        return ref.getId();
    }

    /** "collection processor_heartbeats in Firestore (project ..., database ...)". */
    public String describe() {
        return "collection " + ref.getId() + " in " + FirestoreTarget.of(db).describe();
    }

    /** Number of documents, from an aggregation: no document is read. */
    public long count() {
        return call("count the documents of " + ref.getId(), () -> ref.count().get().get().getCount());
    }

    /** Runs a blocking Firestore call; its failure becomes a {@link StoreException} naming {@code operation}. */
    public <T> T call(String operation, Call<T> call) {
        try {
            return call.get();
        } catch (ExecutionException e) {
            throw failure(operation, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(operation, e);
        }
    }

    public StoreException failure(String operation, Throwable cause) {
        return new StoreException(operation, FirestoreTarget.of(db).describe(), role, cause);
    }

    /** A blocking call on a Firestore future. */
    public interface Call<T> {
        T get() throws ExecutionException, InterruptedException;
    }
}
