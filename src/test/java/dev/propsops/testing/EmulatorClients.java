package dev.propsops.testing;

import com.google.cloud.firestore.Firestore;
import dev.propsops.gcp.FirestoreConnector;
import dev.propsops.gcp.FirestoreEmulator;
import dev.propsops.gcp.FirestoreSettings;
import dev.propsops.gcp.FirestoreTarget;
import java.time.Duration;
import java.util.Optional;

/** Firestore clients on the test emulator, built exactly as props-ops builds them. */
public final class EmulatorClients {
    private EmulatorClients() {
    }

    public static Firestore connect(FirestoreEmulator emulator) {
        return FirestoreConnector.connect(target(emulator), new FirestoreSettings("(default)", Duration.ofSeconds(20)));
    }

    public static FirestoreTarget target(FirestoreEmulator emulator) {
        return new FirestoreTarget(FirestoreEmulatorExtension.PROJECT, "(default)", Optional.of(emulator.hostPort()));
    }
}
