package dev.propsops.gcp;

import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.FirestoreOptions;
import java.util.Optional;

/** Which Firestore a run talks to; {@link #describe()} is what error messages and logs name. */
public record FirestoreTarget(String projectId, String databaseId, Optional<String> emulatorHost) {
    /** The target a client was built for. */
    public static FirestoreTarget of(Firestore db) {
        FirestoreOptions o = db.getOptions();
        return new FirestoreTarget(o.getProjectId(), o.getDatabaseId(), Optional.ofNullable(o.getEmulatorHost()));
    }

    public String describe() {
        String where = emulatorHost.map(h -> "Firestore emulator at " + h).orElse("Firestore");
        return where + " (project " + projectId + ", database " + databaseId + ")";
    }

    public boolean onEmulator() {
        return emulatorHost.isPresent();
    }
}
