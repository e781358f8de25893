package dev.propsops.heartbeat;

import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.FieldValue;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.SetOptions;
import com.google.cloud.firestore.TransactionOptions;
import java.time.Duration;
import dev.propsops.cli.StoreException;
import dev.propsops.gcp.FirestoreTarget;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Writes heartbeats the way the incident handoff fixed them: ONE document per processor, whose id is the
 * processor name and nothing else (never a date, never a run id), updated in place on every beat.
 *
 * <p>Each beat is one transaction: it reads the current doc to decide whether a new run starts (then
 * {@code started_at} is set), and writes every per-run field (status, run id, data date, message) so the
 * doc always shows the last beat. {@code expected_interval_seconds} is kept until a beat gives a new one,
 * and fields other processes keep in the doc are left alone (merge).
 */
public final class HeartbeatWriter {
    /** The IAM role a heartbeat write needs. */
    public static final String ROLE = "roles/datastore.user";

    /** Contention on one processor's doc is rare; an unreachable store must not be retried for minutes. */
    private static final TransactionOptions TRANSACTION = TransactionOptions.createReadWriteOptionsBuilder()
            .setNumberOfAttempts(3).build();

    private final Firestore db;
    private final String collection;
    private final Duration deadline;

    /** A writer whose beats give up after the client's own total RPC timeout. */
    public HeartbeatWriter(Firestore db, String collection) {
        this(db, collection, Duration.ofMillis(db.getOptions().getRetrySettings().getTotalTimeout().toMillis()));
    }

    public HeartbeatWriter(Firestore db, String collection, Duration deadline) {
        this.db = Objects.requireNonNull(db, "db");
        this.deadline = Objects.requireNonNull(deadline, "deadline");
        if (collection == null || collection.isBlank() || collection.contains("/")) {
            throw new IllegalArgumentException("collection must be a top-level collection name, was '" + collection + "'");
        }
        this.collection = collection;
    }

    /** Writes the beat; returns whether it started a new run. */
    public BeatResult beat(Heartbeat beat) {
        DocumentReference ref = db.collection(collection).document(beat.processor());
        try {
            boolean newRun = db.runTransaction(tx -> {
                DocumentSnapshot current = tx.get(ref).get();
                boolean starts = startsNewRun(current, beat);
                tx.set(ref, fields(beat, starts), SetOptions.merge());
                return starts;
            }, TRANSACTION).get(deadline.toMillis(), TimeUnit.MILLISECONDS);
            return new BeatResult(ref.getPath(), newRun);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(beat, e);
        } catch (TimeoutException e) {
            // the future's own message is a dump of its whole chain of futures: say what happened instead
            throw failure(beat, new TimeoutException("no answer within " + deadline.toMillis() + " ms"));
        } catch (ExecutionException | RuntimeException e) {
            throw failure(beat, e.getCause() != null && e instanceof ExecutionException ? e.getCause() : e);
        }
    }

    /**
     * A new run starts when the processor has no doc yet, when the run id changes, or, for processors
     * that give no run id, when a "running" beat follows a finished run.
     */
    static boolean startsNewRun(DocumentSnapshot current, Heartbeat beat) {
        if (!current.exists() || current.get(HeartbeatFields.STARTED_AT) == null) {
            return true;
        }
        Object previousRun = current.get(HeartbeatFields.RUN_ID);
        if (beat.runId().isPresent()) {
            return !beat.runId().get().equals(previousRun);
        }
        Object previousStatus = current.get(HeartbeatFields.STATUS);
        return beat.status() == HeartbeatStatus.running && !HeartbeatStatus.running.name().equals(previousStatus);
    }

    private static Map<String, Object> fields(Heartbeat beat, boolean newRun) {
        Map<String, Object> f = new HashMap<>();
        f.put(HeartbeatFields.PROCESSOR_NAME, beat.processor());
        f.put(HeartbeatFields.STATUS, beat.status().name());
        f.put(HeartbeatFields.LAST_HEARTBEAT, FieldValue.serverTimestamp());
        f.put(HeartbeatFields.RUN_ID, beat.runId().orElse(null));
        f.put(HeartbeatFields.DATA_DATE, beat.dataDate().map(Object::toString).orElse(null));
        f.put(HeartbeatFields.MESSAGE, beat.message().orElse(null));
        // the interval describes the processor, not the run: a beat that does not give it keeps the last one
        beat.expectedInterval().ifPresent(d -> f.put(HeartbeatFields.EXPECTED_INTERVAL_SECONDS, d.getSeconds()));
        if (newRun) {
            f.put(HeartbeatFields.STARTED_AT, FieldValue.serverTimestamp());
        }
        return f;
    }

    private StoreException failure(Heartbeat beat, Throwable cause) {
        return new StoreException("write heartbeat '" + beat.processor() + "' to " + collection,
                FirestoreTarget.of(db).describe(), ROLE, cause);
    }

    /** Where the beat went and whether it started a run. */
    public record BeatResult(String path, boolean newRun) {
    }
}
