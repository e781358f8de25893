package dev.propsops.drift.duckdb;

import dev.propsops.cli.OpsException;
import dev.propsops.drift.FeatureStatsSource;
import dev.propsops.drift.query.Dialect;
import dev.propsops.drift.query.Skipped;
import dev.propsops.drift.query.SqlStatement;
import dev.propsops.drift.query.StatsQuery;
import dev.propsops.drift.query.StatsRow;
import dev.propsops.drift.query.StatsSql;
import dev.propsops.drift.stats.Measurements;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * drift-check on in-process DuckDB, with no Google Cloud at all: over Parquet files laid out as
 * {@code DIR/<dataset>/<table>/*.parquet}, or over a DuckDB database file whose schemas are the datasets
 * (see {@link DuckDbTables}). A configured table with no data there is skipped, not an error.
 */
public final class DuckDbStatsSource implements FeatureStatsSource {
    private final DuckDbTables tables;

    private DuckDbStatsSource(DuckDbTables tables) {
        this.tables = tables;
    }

    /** Over {@code dir/<dataset>/<table>/*.parquet}; the directory must exist. */
    public static DuckDbStatsSource parquet(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw OpsException.usage("--source parquet:" + dir + ": no such directory",
                    "point it at the directory that holds <dataset>/<table>/*.parquet");
        }
        return new DuckDbStatsSource(DuckDbTables.parquet(dir));
    }

    /** Over a DuckDB database file, read-only; a missing file is refused rather than created. */
    public static DuckDbStatsSource database(Path file) {
        if (!Files.isRegularFile(file)) {
            throw OpsException.usage("--source duckdb:" + file + ": no such file",
                    "give the path of an existing DuckDB database whose schemas are the datasets");
        }
        return new DuckDbStatsSource(DuckDbTables.database(file));
    }

    @Override
    public String describe() {
        return tables.describe();
    }

    @Override
    public Preflight preflight(List<StatsQuery> queries) {
        List<StatsQuery> runnable = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (StatsQuery q : queries) {
            Optional<String> missing = tables.missing(q.table());
            if (missing.isPresent()) {
                skipped.add(new Skipped(q.name(), q.table(), missing.get()));
            } else {
                runnable.add(q);
            }
        }
        return new Preflight(runnable, skipped, OptionalLong.empty());
    }

    @Override
    public Measurements measure(StatsQuery query) {
        SqlStatement statement = StatsSql.build(query, Dialect.DUCKDB, DuckDbTables.reference(query.table()));
        return Measurements.read(query, tables.query("measure " + query.table() + " (" + query.name() + ")", statement,
                rs -> copy(rs, query)));
    }

    @Override
    public DuckDbScheduleSource schedule() {
        return new DuckDbScheduleSource(tables);
    }

    /** Copies the columns of the current row, so the result set can be closed. */
    private static StatsRow copy(ResultSet rs, StatsQuery query) throws SQLException {
        java.util.Map<String, Long> longs = new java.util.HashMap<>();
        java.util.Map<String, double[]> arrays = new java.util.HashMap<>();
        for (String c : List.of(StatsSql.PERIOD, StatsSql.ROW_COUNT, StatsSql.GAME_DAYS)) {
            longs.put(c, rs.getLong(c));
        }
        for (int i = 0; i < query.features().size(); i++) {
            longs.put(StatsSql.present(i), rs.getLong(StatsSql.present(i)));
            Array a = rs.getArray(StatsSql.quantiles(i));
            if (a != null) {
                Object[] items = (Object[]) a.getArray();
                double[] values = new double[items.length];
                for (int k = 0; k < items.length; k++) {
                    values[k] = ((Number) items[k]).doubleValue();
                }
                arrays.put(StatsSql.quantiles(i), values);
            }
        }
        if (query.outcome().isPresent()) {
            longs.put(StatsSql.OUTCOME_GRADED, rs.getLong(StatsSql.OUTCOME_GRADED));
            longs.put(StatsSql.OUTCOME_CORRECT, rs.getLong(StatsSql.OUTCOME_CORRECT));
        }
        return new StatsRow() {
            @Override
            public long getLong(String column) {
                return longs.getOrDefault(column, 0L);
            }

            @Override
            public Optional<double[]> getDoubles(String column) {
                return Optional.ofNullable(arrays.get(column)).filter(v -> v.length > 0);
            }
        };
    }

    @Override
    public void close() {
        tables.close();
    }
}
