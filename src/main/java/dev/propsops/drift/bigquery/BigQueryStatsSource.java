package dev.propsops.drift.bigquery;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.FieldValue;
import com.google.cloud.bigquery.FieldValueList;
import com.google.cloud.bigquery.TableResult;
import dev.propsops.cli.ByteSize;
import dev.propsops.drift.FeatureStatsSource;
import dev.propsops.drift.query.Dialect;
import dev.propsops.drift.query.SqlStatement;
import dev.propsops.drift.query.StatsQuery;
import dev.propsops.drift.query.StatsRow;
import dev.propsops.drift.query.StatsSql;
import dev.propsops.drift.stats.Measurements;
import dev.propsops.gcp.BigQueryTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * drift-check on BigQuery: every statement is dry-run first for the bytes it would scan; over the budget
 * (--max-bytes, shared with the schedule's statement) nothing runs and the run is refused with the figure. Each query then also carries the
 * budget as maximumBytesBilled, so BigQuery itself refuses should the estimate have been wrong.
 */
public final class BigQueryStatsSource implements FeatureStatsSource {
    /** What a run needs: to run query jobs in the project, and to read the tables. */
    public static final String ROLES = DriftBigQuery.ROLES;

    private final DriftBigQuery bigquery;

    public BigQueryStatsSource(BigQuery bigquery, BigQueryTarget target, long maxBytes) {
        this.bigquery = new DriftBigQuery(bigquery, target, maxBytes);
    }

    @Override
    public String describe() {
        return bigquery.target().describe();
    }

    @Override
    public Preflight preflight(List<StatsQuery> queries) {
        long total = 0;
        List<String> each = new ArrayList<>();
        for (StatsQuery q : queries) {
            long bytes = bigquery.dryRun("dry-run the drift query of " + q.table(), statement(q));
            total += bytes;
            each.add(q.table() + " " + ByteSize.format(bytes));
        }
        // the schedule's dry run, when it came first, counts too
        return new Preflight(queries, List.of(), OptionalLong.of(bigquery.budget().check(each, total)));
    }

    @Override
    public Measurements measure(StatsQuery query) {
        TableResult result = bigquery.query("run the drift query of " + query.table(), statement(query));
        List<StatsRow> rows = new ArrayList<>();
        for (FieldValueList row : result.iterateAll()) {
            rows.add(new Row(row));
        }
        return Measurements.read(query, rows);
    }

    @Override
    public BigQueryScheduleSource schedule() {
        return new BigQueryScheduleSource(bigquery);
    }

    /** The statement as sent: the BigQuery dialect, the table qualified with the project. */
    public SqlStatement statement(StatsQuery q) {
        return StatsSql.build(q, Dialect.BIGQUERY, Dialect.BIGQUERY.table(Optional.of(bigquery.target().projectId()), q.table()));
    }

    @Override
    public void close() {
        // the client holds no connection that needs closing
    }

    /** A result row read by column name. */
    private record Row(FieldValueList row) implements StatsRow {
        @Override
        public long getLong(String column) {
            FieldValue v = row.get(column);
            return v.isNull() ? 0 : v.getLongValue();
        }

        @Override
        public Optional<double[]> getDoubles(String column) {
            FieldValue v = row.get(column);
            if (v.isNull()) {
                return Optional.empty();
            }
            List<FieldValue> items = v.getRepeatedValue();
            double[] out = new double[items.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = items.get(i).getDoubleValue();
            }
            return out.length == 0 ? Optional.empty() : Optional.of(out);
        }
    }
}
