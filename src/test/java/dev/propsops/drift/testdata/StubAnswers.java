package dev.propsops.drift.testdata;

import dev.propsops.drift.query.Dialect;
import dev.propsops.drift.query.ScheduleQuery;
import dev.propsops.drift.query.ScheduleSql;
import dev.propsops.drift.query.SqlStatement;
import dev.propsops.drift.query.StatsQuery;
import dev.propsops.drift.query.StatsSql;
import dev.propsops.testing.BigQueryStub;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What BigQuery would answer to a drift or schedule query, computed by running the same query (DuckDB
 * dialect) on the same synthetic rows in DuckDB, then served by {@link BigQueryStub} to the real BigQuery client.
 */
public final class StubAnswers {
    private StubAnswers() {
    }

    /** Stubs the answer to the schedule query, matched on its FROM clause, computed by DuckDB's statement on the same rows. */
    public static void stubSchedule(BigQueryStub stub, Connection duckdb, ScheduleQuery query) throws Exception {
        List<String> columns = List.of(ScheduleSql.SEASON_START + " DATE", ScheduleSql.PREVIOUS_GAME_DAY + " DATE",
                ScheduleSql.LAST_GAME_DAY + " DATE");
        SqlStatement s = ScheduleSql.build(query, Dialect.DUCKDB, Dialect.DUCKDB.table(Optional.empty(), query.spec().table()));
        stub.stubQuery("FROM " + Dialect.BIGQUERY.table(Optional.of(BigQueryStub.PROJECT), query.spec().table()), columns,
                rows(duckdb, s, columns));
    }

    /** Stubs the answer to {@code query}, matched on its FROM clause. */
    public static void stub(BigQueryStub stub, Connection duckdb, StatsQuery query) throws Exception {
        List<String> columns = new ArrayList<>(List.of(StatsSql.PERIOD + " INT64", StatsSql.ROW_COUNT + " INT64", StatsSql.GAME_DAYS + " INT64"));
        for (int i = 0; i < query.features().size(); i++) {
            columns.add(StatsSql.present(i) + " INT64");
            columns.add(StatsSql.quantiles(i) + " ARRAY<FLOAT64>");
        }
        if (query.outcome().isPresent()) {
            columns.add(StatsSql.OUTCOME_GRADED + " INT64");
            columns.add(StatsSql.OUTCOME_CORRECT + " INT64");
        }
        SqlStatement s = StatsSql.build(query, Dialect.DUCKDB, Dialect.DUCKDB.table(Optional.empty(), query.table()));
        stub.stubQuery("FROM " + Dialect.BIGQUERY.table(Optional.of(BigQueryStub.PROJECT), query.table()), columns,
                rows(duckdb, s, columns));
    }

    /** The statement's rows on DuckDB, as the cells BigQuery's JSON would carry for the columns ("name TYPE"). */
    private static List<List<Object>> rows(Connection duckdb, SqlStatement s, List<String> columns) throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        try (PreparedStatement ps = duckdb.prepareStatement(s.sql())) {
            List<Object> values = s.positionalValues();
            for (int i = 0; i < values.size(); i++) {
                ps.setObject(i + 1, values.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (String column : columns) {
                        String name = column.split(" ")[0];
                        if (column.endsWith("ARRAY<FLOAT64>")) {
                            Array a = rs.getArray(name);
                            row.add(a == null ? null : Arrays.asList((Object[]) a.getArray()));
                        } else if (column.endsWith(" DATE")) {
                            row.add(rs.getObject(name, java.time.LocalDate.class));
                        } else {
                            row.add(Long.toString(rs.getLong(name)));
                        }
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }
}
