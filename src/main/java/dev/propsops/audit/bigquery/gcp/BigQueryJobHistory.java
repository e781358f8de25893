package dev.propsops.audit.bigquery.gcp;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.FieldValue;
import com.google.cloud.bigquery.FieldValueList;
import com.google.cloud.bigquery.Job;
import com.google.cloud.bigquery.JobInfo;
import com.google.cloud.bigquery.JobStatistics;
import com.google.cloud.bigquery.QueryJobConfiguration;
import com.google.cloud.bigquery.QueryParameterValue;
import com.google.cloud.bigquery.TableResult;
import dev.propsops.audit.CheckSkipped;
import dev.propsops.audit.bigquery.CostSummary;
import dev.propsops.audit.bigquery.JobHistory;
import dev.propsops.audit.bigquery.JobsSql;
import dev.propsops.audit.bigquery.ShapeCost;
import dev.propsops.cli.StoreException;
import dev.propsops.cli.ByteSize;
import dev.propsops.gcp.BigQueryTarget;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The job history from BigQuery: each statement is dry-run first, and one that would scan more than the
 * audit's byte budget is not run (the check is skipped with the figure); the query then carries the budget
 * as maximumBytesBilled. Two calls per statement, however many jobs the window holds.
 */
public final class BigQueryJobHistory implements JobHistory {
    /** JOBS_BY_PROJECT needs bigquery.jobs.listAll; the query itself is a job. */
    public static final String ROLES = "roles/bigquery.resourceViewer (JOBS_BY_PROJECT) and roles/bigquery.jobUser (on the project)";

    private final BigQuery bigquery;
    private final BigQueryTarget target;
    private final long maxBytes;

    public BigQueryJobHistory(BigQuery bigquery, BigQueryTarget target, long maxBytes) {
        this.bigquery = bigquery;
        this.target = target;
        this.maxBytes = maxBytes;
    }

    @Override
    public String describe() {
        return JobsSql.view(target.location()) + " on " + target.describe();
    }

    @Override
    public CostSummary costByShape(Instant from, Instant to, int top) {
        List<ShapeCost> shapes = new ArrayList<>();
        long[] totals = new long[3];
        for (FieldValueList row : run("the cost query", JobsSql.costByShape(target.location(), from, to, top)).iterateAll()) {
            List<String> users = new ArrayList<>();
            FieldValue u = row.get("users");
            if (!u.isNull()) {
                u.getRepeatedValue().forEach(v -> users.add(v.getStringValue()));
            }
            shapes.add(new ShapeCost(text(row, "shape"), number(row, "runs"), number(row, "bytes_billed"),
                    number(row, "user_count"), users, text(row, "top_job_id"), text(row, "top_query")));
            totals[0] = number(row, "all_runs");
            totals[1] = number(row, "all_bytes");
            totals[2] = number(row, "all_shapes");
        }
        return new CostSummary(shapes, totals[0], totals[1], totals[2]);
    }

    @Override
    public Set<String> referencedDatasets(String project, Instant from, Instant to) {
        Set<String> out = new TreeSet<>();
        for (FieldValueList row : run("the referenced-datasets query",
                JobsSql.referencedDatasets(target.location(), project, from, to)).iterateAll()) {
            out.add(text(row, "dataset_id"));
        }
        return out;
    }

    @Override
    public Optional<Instant> earliestJob() {
        return Optional.empty();
    }

    private TableResult run(String what, JobsSql.Statement statement) {
        QueryJobConfiguration config = configuration(statement);
        Job dryRun = target.call("dry-run " + what + " on JOBS_BY_PROJECT", ROLES,
                () -> bigquery.create(JobInfo.of(config.toBuilder().setDryRun(true).build())));
        JobStatistics.QueryStatistics stats = dryRun == null ? null : dryRun.getStatistics();
        long bytes = stats == null || stats.getTotalBytesProcessed() == null ? 0 : stats.getTotalBytesProcessed();
        if (bytes > maxBytes) {
            throw new CheckSkipped(what + " would scan " + ByteSize.format(bytes) + ", over --max-bytes "
                    + ByteSize.format(maxBytes) + "; nothing was run", "shorten --since, or raise --max-bytes if the cost is expected");
        }
        QueryJobConfiguration guarded = config.toBuilder().setMaximumBytesBilled(maxBytes).build();
        return target.call("run " + what + " on JOBS_BY_PROJECT", ROLES, () -> {
            try {
                return bigquery.query(guarded);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreException("run " + what + " (interrupted)", target.describe(), null, e);
            }
        });
    }

    static QueryJobConfiguration configuration(JobsSql.Statement s) {
        QueryJobConfiguration.Builder b = QueryJobConfiguration.newBuilder(s.sql()).setUseLegacySql(false);
        for (Map.Entry<String, Object> p : s.parameters().entrySet()) {
            Object v = p.getValue();
            QueryParameterValue value;
            if (v instanceof Instant i) {
                value = QueryParameterValue.timestamp(i.getEpochSecond() * 1_000_000L + i.getNano() / 1_000);
            } else if (v instanceof Long l) {
                value = QueryParameterValue.int64(l);
            } else {
                value = QueryParameterValue.string((String) v);
            }
            b.addNamedParameter(p.getKey(), value);
        }
        return b.build();
    }

    private static String text(FieldValueList row, String column) {
        FieldValue v = row.get(column);
        return v.isNull() ? "" : v.getStringValue();
    }

    private static long number(FieldValueList row, String column) {
        FieldValue v = row.get(column);
        return v.isNull() ? 0 : v.getLongValue();
    }
}
