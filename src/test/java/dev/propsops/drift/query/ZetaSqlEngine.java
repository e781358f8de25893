package dev.propsops.drift.query;

import com.google.zetasql.SimpleColumn;
import com.google.zetasql.Type;
import com.google.zetasql.Value;
import dev.propsops.testing.BigQuerySqlValidator;
import dev.propsops.testing.ZetaSqlReference;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs BigQuery-dialect statements on ZetaSQL's reference engine (the open-source core of BigQuery's SQL)
 * over rows copied from a DuckDB table. The reference engine lacks APPROX_QUANTILES, so the test swaps it
 * for ARRAY_AGG of the same expression and takes exact quantiles of that array in Java (value at index
 * floor((n-1)p), DuckDB's rule, which BigQuery's documented example agrees with); every other part
 * of the statement (CASE over the periods, the date filter, SAFE_OFFSET, ARRAY_LENGTH, COUNTIF, the
 * parameters) runs as written.
 */
final class ZetaSqlEngine {
    private static final Pattern APPROX = Pattern.compile("APPROX_QUANTILES\\((CASE WHEN .*? END), 100\\)");

    private final ZetaSqlReference engine = new ZetaSqlReference();

    /** Copies {@code dataset.table} from DuckDB as {@code project.dataset.table}, typed by its BigQuery schema. */
    ZetaSqlEngine copy(Connection duckdb, String project, String datasetTable, String[] schema) throws Exception {
        String name = project + "." + datasetTable;
        List<SimpleColumn> columns = new ArrayList<>();
        List<Type> types = new ArrayList<>();
        for (String column : schema) {
            String[] nt = column.split(" ", 2);
            Type t = BigQuerySqlValidator.type(nt[1]);
            types.add(t);
            columns.add(new SimpleColumn(name, nt[0], t));
        }
        List<List<Value>> rows = new ArrayList<>();
        try (Statement s = duckdb.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + datasetTable)) {
            while (rs.next()) {
                List<Value> row = new ArrayList<>();
                for (int i = 0; i < types.size(); i++) {
                    row.add(value(rs, schema[i].split(" ", 2)[0], types.get(i)));
                }
                rows.add(row);
            }
        }
        engine.addTable(name, columns, rows);
        return this;
    }

    private static Value value(ResultSet rs, String column, Type type) throws Exception {
        Object o = rs.getObject(column);
        if (o == null) {
            return Value.createNullValue(type);
        }
        return switch (type.getKind()) {
            case TYPE_DATE -> Value.createDateValue(rs.getObject(column, LocalDate.class));
            case TYPE_STRING -> Value.createStringValue(rs.getString(column));
            case TYPE_DOUBLE -> Value.createDoubleValue(rs.getDouble(column));
            case TYPE_INT64 -> Value.createInt64Value(rs.getLong(column));
            case TYPE_BOOL -> Value.createBoolValue(rs.getBoolean(column));
            case TYPE_ARRAY -> {
                Array a = rs.getArray(column);
                List<Value> items = new ArrayList<>();
                for (Object x : (Object[]) a.getArray()) {
                    items.add(Value.createDoubleValue(((Number) x).doubleValue()));
                }
                yield Value.createArrayValue(type.asArray(), items);
            }
            default -> throw new IllegalArgumentException("no conversion for " + type);
        };
    }

    /** Runs a BigQuery statement as written; each row by column name. */
    List<Map<String, Value>> rows(SqlStatement statement) {
        return execute(statement.sql(), statement);
    }

    private List<Map<String, Value>> execute(String sql, SqlStatement statement) {
        return engine.rows(sql, statement.parameters());
    }

    /** Runs a BigQuery stats statement; rows come back as {@link StatsRow}s. */
    List<StatsRow> run(SqlStatement statement) {
        Matcher m = APPROX.matcher(statement.sql());
        String sql = m.replaceAll("ARRAY_AGG($1 IGNORE NULLS)");
        List<StatsRow> out = new ArrayList<>();
        for (Map<String, Value> byName : execute(sql, statement)) {
            out.add(new StatsRow() {
                @Override
                public long getLong(String column) {
                    Value v = byName.get(column);
                    return v == null || v.isNull() ? 0 : v.getInt64Value();
                }

                @Override
                public Optional<double[]> getDoubles(String column) {
                    Value v = byName.get(column);
                    if (v == null || v.isNull() || v.getElementCount() == 0) {
                        return Optional.empty();
                    }
                    double[] all = new double[v.getElementCount()];
                    for (int i = 0; i < all.length; i++) {
                        all[i] = v.getElement(i).getDoubleValue();
                    }
                    Arrays.sort(all);
                    double[] q = new double[101];
                    for (int i = 0; i <= 100; i++) {
                        q[i] = all[(int) Math.floor(i / 100.0 * (all.length - 1) + 1e-9)];
                    }
                    return Optional.of(q);
                }
            });
        }
        return out;
    }
}
