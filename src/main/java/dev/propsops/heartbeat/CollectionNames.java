package dev.propsops.heartbeat;

import dev.propsops.cli.OpsException;

/** The heartbeat collection name a user gives: a top-level collection, so a valid id without '/'. */
public final class CollectionNames {
    private CollectionNames() {
    }

    public static String check(String name) {
        DocumentIds.violation(name).ifPresent(rule -> {
            throw OpsException.usage("'" + name + "' cannot be a collection name: " + rule,
                    "name a top-level collection, e.g. processor_heartbeats");
        });
        return name;
    }
}
