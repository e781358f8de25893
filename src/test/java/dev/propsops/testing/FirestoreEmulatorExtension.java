package dev.propsops.testing;

import dev.propsops.cli.OpsException;
import dev.propsops.gcp.EmulatorLocator;
import dev.propsops.gcp.EmulatorSettings;
import dev.propsops.gcp.FirestoreEmulator;
import dev.propsops.gcp.ProjectResolver;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The real Firestore emulator from the Google Cloud SDK for tests: one per test JVM, started on first use on
 * a free loopback port, emptied before every test, stopped when the test run ends. Where the SDK's emulator
 * is missing, the tests that need it are skipped with a loud warning that says how to install it.
 */
public final class FirestoreEmulatorExtension implements BeforeEachCallback, ParameterResolver {
    public static final String PROJECT = ProjectResolver.EMULATOR_PROJECT;
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(FirestoreEmulatorExtension.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        emulator(context).reset(PROJECT);
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
        return p.getParameter().getType() == FirestoreEmulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
        return emulator(e);
    }

    /** The shared emulator, started once for the whole test run. */
    public static FirestoreEmulator emulator(ExtensionContext context) {
        Holder holder = context.getRoot().getStore(NS).getOrComputeIfAbsent(Holder.class, k -> new Holder(), Holder.class);
        if (holder.missing != null) {
            Assumptions.abort(holder.missing);
        }
        return holder.emulator;
    }

    private static final class Holder implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        final FirestoreEmulator emulator;
        final String missing;

        Holder() {
            FirestoreEmulator started = null;
            String why = null;
            try {
                started = FirestoreEmulator.start(EmulatorLocator.forEnvironment(System.getenv()),
                        new EmulatorSettings("512m", Duration.ofSeconds(90)));
            } catch (OpsException e) {
                why = "FIRESTORE EMULATOR MISSING, Firestore tests SKIPPED: " + e.getMessage()
                        + " -- fix: " + e.fix().orElse("install the Google Cloud SDK's cloud-firestore-emulator");
                System.err.println("\n!!!!! " + why + "\n");
            }
            this.emulator = started;
            this.missing = why;
        }

        @Override
        public void close() {
            if (emulator != null) {
                emulator.close();
            }
        }
    }
}
