package dev.propsops.staging;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.propsops.cli.Json;
import java.time.Duration;
import java.time.Instant;

/**
 * One line of the restore manifest, written before the table is deleted: the table, what it held, when it
 * was deleted, and the {@code bq cp} command that brings it back from time travel. The snapshot time is a
 * minute before the deletion (still inside the dataset's time-travel window, and safe against a clock a
 * little ahead of BigQuery's); the table was last modified well before it (--older-than is at least 1h
 * and the deletion re-checks the last modification), so that snapshot holds its final content.
 */
public record RestoreRecord(String project, TableMeta table, Instant deletedAt) {
    static final Duration SNAPSHOT_MARGIN = Duration.ofMinutes(1);

    public Instant snapshotAt() {
        return deletedAt.minus(SNAPSHOT_MARGIN);
    }

    /** {@code project:dataset.table}, as bq writes it. */
    public String qualifiedName() {
        return project + ":" + table.fullName();
    }

    public String restoreCommand() {
        return "bq cp " + qualifiedName() + "@" + snapshotAt().toEpochMilli() + " " + qualifiedName();
    }

    public ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.put("event", "delete");
        n.put("table", qualifiedName());
        n.put("project", project);
        n.put("dataset", table.dataset());
        n.put("table_id", table.table());
        n.put("last_modified", table.lastModified().toString());
        n.put("size_bytes", table.sizeBytes());
        n.put("rows", table.rows());
        n.put("deleted_at", deletedAt.toString());
        n.put("snapshot_ms", snapshotAt().toEpochMilli());
        n.put("restore_command", restoreCommand());
        return n;
    }
}
