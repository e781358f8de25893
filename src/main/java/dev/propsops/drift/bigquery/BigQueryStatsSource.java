package dev.propsops.drift.bigquery;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.FieldValue;
import com.google.cloud.bigquery.FieldValueList;
import com.google.cloud.bigquery.Job;
import com.google.cloud.bigquery.JobInfo;
import com.google.cloud.bigquery.JobStatistics;
import com.google.cloud.bigquery.QueryJobConfiguration;
import com.google.cloud.bigquery.QueryParameterValue;
import com.google.cloud.bigquery.TableResult;
import dev.propsops.cli.ByteSize;
import dev.propsops.cli.OpsException;
import dev.propsops.drift.FeatureStatsSource;
import dev.propsops.drift.query.Dialect;
import dev.propsops.drift.query.SqlStatement;
import dev.propsops.drift.query.StatsQuery;
import dev.propsops.drift.query.StatsRow;
import dev.propsops.drift.query.StatsSql;
import dev.propsops.drift.stats.Measurements;
import dev.propsops.gcp.BigQueryTarget;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * drift-check on BigQuery: every statement is dry-run first for the bytes it would scan; over the budget
 * (--max-bytes) nothing runs and the run is refused with the figure. Each query then also carries the
 * budget as maximumBytesBilled, so BigQuery itself refuses should the estimate have been wrong.
 */
public final class BigQueryStatsSource implements FeatureStatsSource {
    /** What a run needs: to run query jobs in the project, and to read the tables. */
    public static final String ROLES = "roles/bigquery.jobUser (on the project) and roles/bigquery.dataViewer (on the datasets)";

    private final BigQuery bigquery;
    private final BigQueryTarget target;
    private final long maxBytes;

    public BigQueryStatsSource(BigQuery bigquery, BigQueryTarget target, long maxBytes) {
        this.bigquery = bigquery;
        this.target = target;
        this.maxBytes = maxBytes;
    }

    @Override
    public String describe() {
        return target.describe();
    }

    @Override
    public Preflight preflight(List<StatsQuery> queries) {
        long total = 0;
        List<String> each = new ArrayList<>();
        for (StatsQuery q : queries) {
            QueryJobConfiguration dryRun = configuration(statement(q)).toBuilder().setDryRun(true).build();
            Job job = target.call("dry-run the drift query of " + q.table(), ROLES, () -> bigquery.create(JobInfo.of(dryRun)));
            JobStatistics.QueryStatistics stats = job.getStatistics();
            long bytes = stats == null || stats.getTotalBytesProcessed() == null ? 0 : stats.getTotalBytesProcessed();
            total += bytes;
            each.add(q.table() + " " + ByteSize.format(bytes));
        }
        if (total > maxBytes) {
            throw OpsException.usage("the drift queries would scan " + ByteSize.format(total) + " (" + total + " bytes: "
                    + String.join(", ", each) + "), over --max-bytes " + ByteSize.format(maxBytes) + "; nothing was run",
                    "narrow the window (--month, or --from/--to), or raise --max-bytes if the cost is expected");
        }
        return new Preflight(queries, List.of(), OptionalLong.of(total));
    }

    @Override
    public Measurements measure(StatsQuery query) {
        QueryJobConfiguration config = configuration(statement(query)).toBuilder().setMaximumBytesBilled(maxBytes).build();
        TableResult result = target.call("run the drift query of " + query.table(), ROLES, () -> {
            try {
                return bigquery.query(config);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while querying " + query.table(), e);
            }
        });
        List<StatsRow> rows = new ArrayList<>();
        for (FieldValueList row : result.iterateAll()) {
            rows.add(new Row(row));
        }
        return Measurements.read(query, rows);
    }

    /** The statement as sent: the BigQuery dialect, the table qualified with the project. */
    public SqlStatement statement(StatsQuery q) {
        return StatsSql.build(q, Dialect.BIGQUERY, Dialect.BIGQUERY.table(Optional.of(target.projectId()), q.table()));
    }

    private static QueryJobConfiguration configuration(SqlStatement s) {
        QueryJobConfiguration.Builder b = QueryJobConfiguration.newBuilder(s.sql()).setUseLegacySql(false);
        for (Map.Entry<String, Object> p : s.parameters().entrySet()) {
            b.addNamedParameter(p.getKey(), value(p.getValue()));
        }
        return b.build();
    }

    private static QueryParameterValue value(Object v) {
        if (v instanceof LocalDate d) {
            return QueryParameterValue.date(d.toString());
        }
        if (v instanceof Long l) {
            return QueryParameterValue.int64(l);
        }
        if (v instanceof String s) {
            return QueryParameterValue.string(s);
        }
        throw new IllegalArgumentException("no BigQuery parameter type for " + v.getClass().getName());
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
