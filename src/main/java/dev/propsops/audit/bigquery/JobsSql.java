package dev.propsops.audit.bigquery;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The audit's two statements on {@code `region-<location>`.INFORMATION_SCHEMA.JOBS_BY_PROJECT}. Both filter
 * on {@code creation_time}, the view's partitioning column, so BigQuery reads only the window's partitions.
 * Every value is a named parameter; the location is the one name written into the SQL, checked first.
 */
public final class JobsSql {
    private static final Pattern LOCATION = Pattern.compile("[a-z][a-z0-9-]{1,40}");

    /** A statement and its parameters (Instant = TIMESTAMP, String = STRING, Long = INT64). */
    public record Statement(String sql, Map<String, Object> parameters) {
        public Statement {
            parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        }
    }

    private JobsSql() {
    }

    /** {@code `region-us-west2`.INFORMATION_SCHEMA.JOBS_BY_PROJECT}; the location as BigQuery names it (US, us-west2). */
    public static String view(String location) {
        String l = location == null ? "" : location.trim().toLowerCase(Locale.ROOT);
        if (!LOCATION.matcher(l).matches()) {
            throw new IllegalArgumentException("'" + location + "' is not a BigQuery location (e.g. us-west2, US, EU)");
        }
        return "`region-" + l + "`.INFORMATION_SCHEMA.JOBS_BY_PROJECT";
    }

    /**
     * The most expensive query shapes of the window, with totals over all shapes in every row: billed query
     * jobs only, no cache hits, no script parent rows (their children carry the bytes).
     */
    public static Statement costByShape(String location, Instant from, Instant to, long top) {
        String sql = "WITH billed AS (\n"
                + "  SELECT job_id, user_email, query, total_bytes_billed,\n"
                + "    " + QueryShapes.sql("IFNULL(query, '')") + " AS shape\n"
                + "  FROM " + view(location) + "\n"
                + "  WHERE creation_time >= @from_time AND creation_time < @to_time\n"
                + "    AND job_type = 'QUERY'\n"
                + "    AND IFNULL(statement_type, '') != 'SCRIPT'\n"
                + "    AND IFNULL(cache_hit, FALSE) = FALSE\n"
                + "    AND IFNULL(total_bytes_billed, 0) > 0\n"
                + ")\n"
                + "SELECT SUBSTR(shape, 1, " + QueryShapes.MAX_SHOWN + ") AS shape,\n"
                + "  COUNT(*) AS runs,\n"
                + "  SUM(total_bytes_billed) AS bytes_billed,\n"
                + "  COUNT(DISTINCT user_email) AS user_count,\n"
                + "  ARRAY_AGG(DISTINCT user_email IGNORE NULLS ORDER BY user_email LIMIT 5) AS users,\n"
                + "  ARRAY_AGG(job_id ORDER BY total_bytes_billed DESC, job_id LIMIT 1)[OFFSET(0)] AS top_job_id,\n"
                + "  ARRAY_AGG(IFNULL(query, '') ORDER BY total_bytes_billed DESC, job_id LIMIT 1)[OFFSET(0)] AS top_query,\n"
                + "  SUM(COUNT(*)) OVER () AS all_runs,\n"
                + "  SUM(SUM(total_bytes_billed)) OVER () AS all_bytes,\n"
                + "  COUNT(*) OVER () AS all_shapes\n"
                + "FROM billed\n"
                + "GROUP BY shape\n"
                + "ORDER BY bytes_billed DESC, shape\n"
                + "LIMIT @top";
        Map<String, Object> p = new LinkedHashMap<>();
        for (QueryShapes.Rule r : QueryShapes.RULES) {
            p.put(r.name(), r.pattern());
        }
        p.put("from_time", from);
        p.put("to_time", to);
        p.put("top", top);
        return new Statement(sql, p);
    }

    /** The datasets of {@code project} that any job of the window read (one row per dataset). */
    public static Statement referencedDatasets(String location, String project, Instant from, Instant to) {
        String sql = "SELECT DISTINCT ref.dataset_id AS dataset_id\n"
                + "FROM " + view(location) + " AS j, UNNEST(j.referenced_tables) AS ref\n"
                + "WHERE j.creation_time >= @from_time AND j.creation_time < @to_time\n"
                + "  AND ref.project_id = @project\n"
                + "ORDER BY dataset_id";
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("from_time", from);
        p.put("to_time", to);
        p.put("project", project);
        return new Statement(sql, p);
    }

    /** The query whose output {@code jobs.json} is, for --print-export-commands (bq prints every column). */
    public static String exportQuery(String location, int days) {
        return "SELECT creation_time, project_id, user_email, job_id, parent_job_id, job_type, statement_type, cache_hit, "
                + "total_bytes_processed, total_bytes_billed, query, referenced_tables FROM " + view(location)
                + " WHERE creation_time >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL " + days + " DAY)";
    }
}
