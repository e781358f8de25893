package dev.propsops.heartbeat;

import com.google.cloud.Timestamp;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.FieldPath;
import dev.propsops.heartbeat.docs.HeartbeatDoc;
import java.time.Instant;

/** Firestore snapshots to the plain values the heartbeat jobs reason about. */
public final class FirestoreDocs {
    private FirestoreDocs() {
    }

    /** Parsed once: a field name given as a string is parsed on every get. */
    public static final FieldPath PROCESSOR_NAME = FieldPath.of(HeartbeatFields.PROCESSOR_NAME);
    public static final FieldPath LAST_HEARTBEAT = FieldPath.of(HeartbeatFields.LAST_HEARTBEAT);
    public static final FieldPath STATUS = FieldPath.of(HeartbeatFields.STATUS);
    public static final FieldPath EXPECTED_INTERVAL_SECONDS = FieldPath.of(HeartbeatFields.EXPECTED_INTERVAL_SECONDS);

    public static HeartbeatDoc toHeartbeatDoc(DocumentSnapshot snapshot) {
        return new HeartbeatDoc(snapshot.getId(), plain(snapshot.get(PROCESSOR_NAME)), plain(snapshot.get(LAST_HEARTBEAT)),
                instant(snapshot.getUpdateTime()));
    }

    /** Timestamps become Instants; everything else is passed on as the client gave it. */
    public static Object plain(Object value) {
        return value instanceof Timestamp t ? instant(t) : value;
    }

    public static Instant instant(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }

    public static Timestamp timestamp(Instant i) {
        return Timestamp.ofTimeSecondsAndNanos(i.getEpochSecond(), i.getNano());
    }
}
