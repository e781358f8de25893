package dev.propsops.gcp;

import com.google.cloud.firestore.Firestore;
import dev.propsops.cli.Invocation;
import java.util.Optional;

/**
 * A Firestore client for one run, plus the private emulator it may run on; closing it closes both.
 */
public final class FirestoreSession implements AutoCloseable {
    private final Firestore client;
    private final FirestoreTarget target;
    private final FirestoreEmulator emulator;
    private final GcpAccess access;

    FirestoreSession(Firestore client, FirestoreTarget target, FirestoreEmulator emulator, GcpAccess access) {
        this.client = client;
        this.target = target;
        this.emulator = emulator;
        this.access = access;
    }

    /**
     * Opens the run's Firestore: a private emulator when asked, else FIRESTORE_EMULATOR_HOST, else production.
     */
    public static FirestoreSession open(Optional<String> projectFlag, boolean privateEmulator, GcpConfig config,
            Invocation invocation) {
        FirestoreSettings settings = config.firestoreSettings();
        if (privateEmulator) {
            FirestoreEmulator emulator = FirestoreEmulator.start(EmulatorLocator.forEnvironment(invocation.env()),
                    config.emulatorSettings());
            try {
                String project = projectFlag.orElse(ProjectResolver.EMULATOR_PROJECT);
                FirestoreTarget target = new FirestoreTarget(project, settings.database(), Optional.of(emulator.hostPort()));
                invocation.log().info("started a private Firestore emulator at " + emulator.hostPort()
                        + " (it stops when this run ends)");
                return new FirestoreSession(FirestoreConnector.connect(target, settings), target, emulator, null);
            } catch (RuntimeException e) {
                emulator.close();
                throw e;
            }
        }
        FirestoreTarget target = FirestoreConnector.target(projectFlag, config.project(), settings, invocation);
        GcpAccess access = GcpAccess.of(Optional.of(target.projectId()), config, invocation);
        try {
            return new FirestoreSession(FirestoreConnector.connect(target, settings, access), target, null, access);
        } catch (RuntimeException e) {
            access.close();
            throw e;
        }
    }

    public Firestore client() {
        return client;
    }

    public FirestoreTarget target() {
        return target;
    }

    public Optional<FirestoreEmulator> emulator() {
        return Optional.ofNullable(emulator);
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (Exception e) {
            // closing a client that failed to connect must not hide the original error
        } finally {
            if (emulator != null) {
                emulator.close();
            }
            if (access != null) {
                access.close();
            }
        }
    }
}
