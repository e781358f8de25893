package dev.propsops.staging;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One row of a dataset's {@code __TABLES__}: what the catalog knows about a table without asking for it
 * alone. {@code typeCode} is kept as read so that an unknown kind is reported as it is.
 */
public record TableMeta(String dataset, String table, long typeCode, Instant created, Instant lastModified, long rows,
        long sizeBytes) {
    public TableMeta {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(lastModified, "lastModified");
    }

    public TableType type() {
        return TableType.ofCode(typeCode);
    }

    /** {@code dataset.table}. */
    public String fullName() {
        return dataset + "." + table;
    }

    /** How long ago it was last modified (zero when its clock is ahead of ours). */
    public Duration age(Instant now) {
        Duration d = Duration.between(lastModified, now);
        return d.isNegative() ? Duration.ZERO : d;
    }

    /** "table", "view", "external", or "type 4" for a kind we do not know. */
    public String typeLabel() {
        return type() == TableType.OTHER ? "type " + typeCode : type().label();
    }
}
