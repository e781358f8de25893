package dev.propsops.drift;

import dev.propsops.cli.OpsException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The --source option: {@code bigquery}, {@code duckdb:FILE} (a DuckDB database whose schemas are the
 * datasets) or {@code parquet:DIR} (DIR/<dataset>/<table>/*.parquet, as {@code bq extract} writes them).
 */
public record SourceSpec(Kind kind, Optional<Path> path) {
    public enum Kind {
        BIGQUERY,
        DUCKDB,
        PARQUET
    }

    public static SourceSpec parse(String value) {
        String v = value == null ? "" : value.trim();
        if (v.equals("bigquery")) {
            return new SourceSpec(Kind.BIGQUERY, Optional.empty());
        }
        int colon = v.indexOf(':');
        String scheme = colon < 0 ? v : v.substring(0, colon);
        String rest = colon < 0 ? "" : v.substring(colon + 1);
        Kind kind = switch (scheme) {
            case "duckdb" -> Kind.DUCKDB;
            case "parquet" -> Kind.PARQUET;
            default -> throw OpsException.usage("--source '" + value + "': unknown source",
                    "use bigquery, duckdb:FILE (a DuckDB database) or parquet:DIR (DIR/<dataset>/<table>/*.parquet)");
        };
        if (rest.isBlank()) {
            throw OpsException.usage("--source " + scheme + ": needs a path, e.g. " + scheme
                    + (kind == Kind.DUCKDB ? ":feature_store.duckdb" : ":./exports"));
        }
        return new SourceSpec(kind, Optional.of(Path.of(rest)));
    }
}
