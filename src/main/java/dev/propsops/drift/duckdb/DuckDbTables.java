package dev.propsops.drift.duckdb;

import dev.propsops.cli.StoreException;
import dev.propsops.drift.check.TableRef;
import dev.propsops.drift.query.Dialect;
import dev.propsops.drift.query.SqlStatement;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.duckdb.DuckDBDriver;

/**
 * The one in-process DuckDB connection of a run and the tables it sees: Parquet files laid out as
 * {@code DIR/<dataset>/<table>/*.parquet} (each table becomes a view in an in-memory database), or a
 * DuckDB database file whose schemas are the datasets, opened read-only. Shared by the figures and the
 * schedule.
 */
final class DuckDbTables implements AutoCloseable {
    private final Connection connection;
    private final Optional<Path> parquetDir;
    private final String description;
    private final Set<TableRef> views = new HashSet<>();

    private DuckDbTables(Connection connection, Optional<Path> parquetDir, String description) {
        this.connection = connection;
        this.parquetDir = parquetDir;
        this.description = description;
    }

    static DuckDbTables parquet(Path dir) {
        String description = "DuckDB over parquet:" + dir;
        return new DuckDbTables(open("jdbc:duckdb:", false, description), Optional.of(dir), description);
    }

    static DuckDbTables database(Path file) {
        String description = "DuckDB database " + file;
        return new DuckDbTables(open("jdbc:duckdb:" + file.toAbsolutePath(), true, description), Optional.empty(), description);
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

    String describe() {
        return description;
    }

    /** Empty when the table can be queried (creating its view over its Parquet files); else why not. */
    Optional<String> missing(TableRef table) {
        return parquetDir.isPresent() ? attachParquet(table) : missingInDatabase(table);
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

    /** Reads every row of a statement; {@code read} copies what it needs from the current row. */
    <T> List<T> query(String operation, SqlStatement statement, RowReader<T> read) {
        try (PreparedStatement ps = connection.prepareStatement(statement.sql())) {
            List<Object> values = statement.positionalValues();
            for (int i = 0; i < values.size(); i++) {
                ps.setObject(i + 1, values.get(i));
            }
            List<T> rows = new java.util.ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(read.read(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new StoreException(operation, description, null, e);
        }
    }

    /** Copies the columns of the current row. */
    interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private void execute(String operation, String sql) {
        // prepared, not Statement.execute: the JDBC driver then puts DuckDB's own message on the first line
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.execute();
        } catch (SQLException e) {
            throw new StoreException(operation, description, null, e);
        }
    }

    static String reference(TableRef t) {
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
