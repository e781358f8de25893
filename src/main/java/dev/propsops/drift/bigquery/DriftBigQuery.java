package dev.propsops.drift.bigquery;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.Job;
import com.google.cloud.bigquery.JobInfo;
import com.google.cloud.bigquery.JobStatistics;
import com.google.cloud.bigquery.QueryJobConfiguration;
import com.google.cloud.bigquery.QueryParameterValue;
import com.google.cloud.bigquery.TableResult;
import dev.propsops.drift.query.SqlStatement;
import dev.propsops.gcp.BigQueryTarget;
import java.time.LocalDate;
import java.util.Map;

/**
 * The BigQuery of one drift-check run: one client, target and byte budget, shared by the figures' and the
 * schedule's statements. Statements go out as standard SQL with named parameters; dry runs report their
 * bytes, queries carry the budget as maximumBytesBilled so that BigQuery refuses should an estimate be wrong.
 */
final class DriftBigQuery {
    /** What a run needs: to run query jobs in the project, and to read the tables. */
    static final String ROLES = "roles/bigquery.jobUser (on the project) and roles/bigquery.dataViewer (on the datasets)";

    private final BigQuery bigquery;
    private final BigQueryTarget target;
    private final ScanBudget budget;

    DriftBigQuery(BigQuery bigquery, BigQueryTarget target, long maxBytes) {
        this.bigquery = bigquery;
        this.target = target;
        this.budget = new ScanBudget(maxBytes);
    }

    BigQueryTarget target() {
        return target;
    }

    ScanBudget budget() {
        return budget;
    }

    /** The bytes the statement would scan. */
    long dryRun(String operation, SqlStatement s) {
        QueryJobConfiguration dryRun = configuration(s).toBuilder().setDryRun(true).build();
        Job job = target.call(operation, ROLES, () -> bigquery.create(JobInfo.of(dryRun)));
        JobStatistics.QueryStatistics stats = job.getStatistics();
        return stats == null || stats.getTotalBytesProcessed() == null ? 0 : stats.getTotalBytesProcessed();
    }

    TableResult query(String operation, SqlStatement s) {
        QueryJobConfiguration config = configuration(s).toBuilder().setMaximumBytesBilled(budget.maxBytes()).build();
        return target.call(operation, ROLES, () -> {
            try {
                return bigquery.query(config);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted: " + operation, e);
            }
        });
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
}
