package dev.propsops.gcp;

import dev.propsops.cli.Invocation;
import dev.propsops.cli.ProjectOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The connection options of every Firestore job: {@code --project}, and {@code --emulator} to run on a
 * private local emulator that props-ops starts and stops (for trying a job; its data vanishes at exit).
 * FIRESTORE_EMULATOR_HOST is honoured as Google's own client honours it.
 */
public class FirestoreOptionsMixin {
    @Mixin
    ProjectOptions project;

    @Option(names = "--emulator", description = "Start a private Firestore emulator for this run (needs the Google "
            + "Cloud SDK's cloud-firestore-emulator); its data is gone when the run ends.")
    boolean emulator;

    public FirestoreSession open(GcpConfig config, Invocation invocation) {
        return FirestoreSession.open(project.project(), emulator, config, invocation);
    }
}
