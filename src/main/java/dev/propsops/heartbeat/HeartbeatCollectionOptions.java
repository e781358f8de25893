package dev.propsops.heartbeat;

import dev.propsops.cli.Invocation;
import dev.propsops.gcp.FirestoreOptionsMixin;
import dev.propsops.gcp.FirestoreSession;
import dev.propsops.gcp.GcpConfig;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options of every job on the heartbeat collection: {@code --collection}, {@code --project}, {@code --emulator}. */
public class HeartbeatCollectionOptions {
    @Option(names = "--collection", paramLabel = "NAME",
            description = "Heartbeat collection (default: processor_heartbeats, key ops.heartbeat.collection).")
    String collection;

    @Mixin
    FirestoreOptionsMixin firestore;

    /** The collection to work on, checked: a top-level collection name. */
    public String collection(HeartbeatConfig config) {
        return CollectionNames.check(collection != null ? collection : config.collection());
    }

    public FirestoreSession open(GcpConfig gcp, Invocation invocation) {
        return firestore.open(gcp, invocation);
    }
}
