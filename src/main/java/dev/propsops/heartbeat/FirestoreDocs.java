package dev.propsops.heartbeat;

import com.google.cloud.Timestamp;
import com.google.cloud.firestore.DocumentSnapshot;
import dev.propsops.heartbeat.docs.HeartbeatDoc;
import java.time.Instant;

/** Firestore snapshots to the plain values the heartbeat jobs reason about. */
public final class FirestoreDocs {
    private FirestoreDocs() {
    }

    public static HeartbeatDoc toHeartbeatDoc(DocumentSnapshot snapshot) {
        return new HeartbeatDoc(snapshot.getId(), plain(snapshot.get(HeartbeatFields.PROCESSOR_NAME)),
                plain(snapshot.get(HeartbeatFields.LAST_HEARTBEAT)), instant(snapshot.getUpdateTime()));
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
