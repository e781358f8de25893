package dev.propsops.gcp;

import java.time.Duration;

/** Firestore connection settings, from {@code ops.gcp.firestore.*}. */
public record FirestoreSettings(String database, Duration rpcTimeout) {
    public static FirestoreSettings defaults() {
        return new FirestoreSettings("(default)", Duration.ofSeconds(60));
    }
}
