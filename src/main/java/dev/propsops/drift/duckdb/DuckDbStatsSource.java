package dev.propsops.drift.duckdb;

import dev.propsops.cli.OpsException;
import dev.propsops.cli.StoreException;
import dev.propsops.drift.FeatureStatsSource;
import dev.propsops.drift.check.TableRef;
import dev.propsops.drift.query.Dialect;
import dev.propsops.drift.query.Skipped;
import dev.propsops.drift.query.SqlStatement;
import dev.propsops.drift.query.StatsQuery;
import dev.propsops.drift.query.StatsRow;
import dev.propsops.drift.query.StatsSql;
import dev.propsops.drift.stats.Measurements;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.duckdb.DuckDBDriver;

/**
 * drift-check on in-process DuckDB, with no Google Cloud at all: over Parquet files laid out as
 * {@code DIR/<dataset>/<table>/*.parquet} (each table becomes a view in an in-memory database), or over a
 * DuckDB database file whose schemas are the datasets, opened read-only. A configured table with no data
 * there is skipped, not an error.
 */
public final class DuckDbStatsSource implements FeatureStatsSource {
    private final Connection connection;
    private final Optional<Path> parquetDir;
    private final String description;
    private final Set<TableRef> views = new HashSet<>();

    private DuckDbStatsSource(Connection connection, Optional<Path> parquetDir, String description) {
        this.connection = connection;
        this.parquetDir = parquetDir;
        this.description = description;
    }

    /** Over {@code dir/<dataset>/<table>/*.parquet}; the directory must exist. */
    public static DuckDbStatsSource parquet(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw OpsException.usage("--source parquet:" + dir + ": no such directory",
                    "point it at the directory that holds <dataset>/<table>/*.parquet");
        }
        String description = "DuckDB over parquet:" + dir;
        return new DuckDbStatsSource(open("jdbc:duckdb:", false, description), Optional.of(dir), description);
    }

    /** Over a DuckDB database file, read-only; a missing file is refused rather than created. */
    public static DuckDbStatsSource database(Path file) {
        if (!Files.isRegularFile(file)) {
            throw OpsException.usage("--source duckdb:" + file + ": no such file",
                    "give the path of an existing DuckDB database whose schemas are the datasets");
        }
        String description = "DuckDB database " + file;
        return new DuckDbStatsSource(open("jdbc:duckdb:" + file.toAbsolutePath(), true, description), Optional.empty(), description);
    }

    private static Connection open(String url, boolean readOnly, String description) {
        Properties p = new Properties();
        if (readOnly) {
            p.setProperty(DuckDBDriver.DUCKDB_READONLY_PROPERTY, "true");
        }
        try {
            return new DuckDBDriver().connect(url, p);
        } catch (SQLException e) {
            throw new StoreException("open", description, null, e);
        }
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public Preflight preflight(List<StatsQuery> queries) {
        List<StatsQuery> runnable = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (StatsQuery q : queries) {
            Optional<String> missing = parquetDir.isPresent() ? attachParquet(q.table()) : missingInDatabase(q.table());
            if (missing.isPresent()) {
                skipped.add(new Skipped(q.name(), q.table(), missing.get()));
            } else {
                runnable.add(q);
            }
        }
        return new Preflight(runnable, skipped, OptionalLong.empty());
    }

    /** Creates the table's view over its Parquet files; says why not when there are none. */
    private Optional<String> attachParquet(TableRef table) {
        if (views.contains(table)) {
            return Optional.empty();
        }
        Path dir = parquetDir.orElseThrow().resolve(table.dataset()).resolve(table.table());
        TreeSet<String> files = new TreeSet<>();
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.parquet")) {
                stream.forEach(f -> files.add(f.toAbsolutePath().toString()));
            } catch (IOException e) {
                throw new StoreException("list Parquet files", dir.toString(), null, e);
            }
        }
        if (files.isEmpty()) {
            return Optional.of("no " + dir + "/*.parquet files");
        }
        // the file names are literals here (DuckDB cannot bind a table function's list), quoted as SQL strings
        StringBuilder list = new StringBuilder();
        for (String f : files) {
            list.append(list.length() == 0 ? "" : ", ").append('\'').append(f.replace("'", "''")).append('\'');
        }
        execute("attach the Parquet files of " + table, "CREATE SCHEMA IF NOT EXISTS " + Dialect.DUCKDB.quote(table.dataset()));
        execute("attach the Parquet files of " + table, "CREATE VIEW " + reference(table) + " AS SELECT * FROM read_parquet([" + list + "])");
        views.add(table);
        return Optional.empty();
    }

    private Optional<String> missingInDatabase(TableRef table) {
        String sql = "SELECT count(*) FROM information_schema.tables WHERE table_schema = ? AND table_name = ?";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, table.dataset());
            ps.setString(2, table.table());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0 ? Optional.empty() : Optional.of("no table " + table + " in " + description);
            }
        } catch (SQLException e) {
            throw new StoreException("look up table " + table, description, null, e);
        }
    }

    @Override
    public Measurements measure(StatsQuery query) {
        SqlStatement statement = StatsSql.build(query, Dialect.DUCKDB, reference(query.table()));
        try (PreparedStatement ps = connection.prepareStatement(statement.sql())) {
            List<Object> values = statement.positionalValues();
            for (int i = 0; i < values.size(); i++) {
                ps.setObject(i + 1, values.get(i));
            }
            List<StatsRow> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(copy(rs, query));
                }
            }
            return Measurements.read(query, rows);
        } catch (SQLException e) {
            throw new StoreException("measure " + query.table() + " (" + query.name() + ")", description, null, e);
        }
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

    private void execute(String operation, String sql) {
        // prepared, not Statement.execute: the JDBC driver then puts DuckDB's own message on the first line
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.execute();
        } catch (SQLException e) {
            throw new StoreException(operation, description, null, e);
        }
    }

    private static String reference(TableRef t) {
        return Dialect.DUCKDB.table(Optional.empty(), t);
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // nothing was written; a failed close loses nothing
        }
    }
}
