package dev.propsops.staging;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** The changes staging-prune makes to tables. Only BigQuery has one: an inventory file plans, never acts. */
public interface TableEditor {
    /** The project the tables live in, for the restore commands. */
    String project();

    /**
     * Sets the table's expiration to the absolute time {@code at}; with {@code labels}, also writes them
     * (the whole set: the table's labels plus any added).
     */
    void setExpiration(TableMeta table, Instant at, Optional<Map<String, String>> labels);

    /** Deletes the table now; false when it was already gone. */
    boolean delete(TableMeta table);
}
