package dev.propsops.cli;

import java.util.Optional;

/**
 * A failure while talking to a store (Firestore, BigQuery, a local file), tagged with the operation, the
 * resource and the IAM role the operation needs, so that the one error handler can say what failed where
 * and how to fix it.
 */
public class StoreException extends RuntimeException {
    private final String operation;
    private final String resource;
    private final String neededRole;

    public StoreException(String operation, String resource, String neededRole, Throwable cause) {
        super(operation + " on " + resource + " failed", cause);
        this.operation = operation;
        this.resource = resource;
        this.neededRole = neededRole;
    }

    /** What was being done, e.g. "write heartbeat 'nba-phase3'". */
    public String operation() {
        return operation;
    }

    /** Where, e.g. "Firestore emulator at 127.0.0.1:8080 (project demo-props-ops, database (default))". */
    public String resource() {
        return resource;
    }

    /** The IAM role the operation needs, e.g. roles/datastore.user; empty for local stores. */
    public Optional<String> neededRole() {
        return Optional.ofNullable(neededRole);
    }
}
