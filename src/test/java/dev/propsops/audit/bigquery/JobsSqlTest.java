package dev.propsops.audit.bigquery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zetasql.ArrayType;
import com.google.zetasql.SimpleColumn;
import com.google.zetasql.StructType;
import com.google.zetasql.Type;
import com.google.zetasql.Value;
import dev.propsops.audit.bigquery.export.JobsExportFile;
import dev.propsops.testing.BigQuerySqlValidator;
import dev.propsops.testing.ZetaSqlReference;
import dev.propsops.testing.InformationSchemaJobs;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The audit's statements: ZetaSQL's analyzer accepts them against the JOBS_BY_PROJECT schema, and ZetaSQL's
 * reference engine, run on the export's rows, gives exactly what the offline (Java) aggregation gives: same
 * shapes from the same regular expressions (RE2 there, java.util.regex here), same filters, same totals.
 */
class JobsSqlTest {
    static final Instant FROM = Instant.parse("2026-11-24T13:00:00Z");
    static final Instant TO = Instant.parse("2026-12-01T13:00:00Z");

    static Map<String, String> types(JobsSql.Statement s) {
        Map<String, String> types = new LinkedHashMap<>();
        s.parameters().forEach((k, v) -> types.put(k, v instanceof Instant ? "TIMESTAMP" : v instanceof Long ? "INT64" : "STRING"));
        return types;
    }

    @Test
    void bothStatementsPassZetaSqlAgainstTheJobsView() {
        BigQuerySqlValidator v = InformationSchemaJobs.validator("us-west2", "us");
        JobsSql.Statement cost = JobsSql.costByShape("us-west2", FROM, TO, 10);
        v.validate(cost.sql(), types(cost));
        JobsSql.Statement refs = JobsSql.referencedDatasets("US", "nba-props-platform", FROM, TO);
        v.validate(refs.sql(), types(refs));
        v.validate(JobsSql.exportQuery("us-west2", 90), Map.of());
        assertThat(cost.sql()).contains("WHERE creation_time >= @from_time AND creation_time < @to_time", "total_bytes_billed",
                "IFNULL(statement_type, '') != 'SCRIPT'", "IFNULL(cache_hit, FALSE) = FALSE");
        assertThat(refs.sql()).contains("`region-us`.INFORMATION_SCHEMA.JOBS_BY_PROJECT");
    }

    @Test
    void aMisspeltColumnWouldBeCaught() {
        BigQuerySqlValidator v = InformationSchemaJobs.validator("us-west2");
        JobsSql.Statement cost = JobsSql.costByShape("us-west2", FROM, TO, 10);
        assertThatThrownBy(() -> v.validate(cost.sql().replace("total_bytes_billed", "bytes_billed_total"), types(cost)))
                .hasMessageContaining("ZetaSQL rejects");
    }

    @Test
    void aLocationIsCheckedBeforeItIsWrittenIntoTheSql() {
        assertThatThrownBy(() -> JobsSql.view("us-west2`; DROP TABLE x; --")).isInstanceOf(IllegalArgumentException.class);
        assertThat(JobsSql.view("EU")).isEqualTo("`region-eu`.INFORMATION_SCHEMA.JOBS_BY_PROJECT");
    }

    @Test
    void theReferenceEngineAndTheOfflineAggregationAgreeOnTheExport() {
        List<JobRow> rows = new ArrayList<>();
        new JobsExportFile(Path.of("src/test/resources/audit/export/jobs.json")).each(rows::add);
        // shapes the rules must treat alike in both engines
        String[] tricky = { "SELECT * FROM `p.d.events_20261130` WHERE id IN (1, 2, 3) -- nightly\n",
                "SELECT *  FROM `p.d.events_20261201`\tWHERE id IN (4,5) /* run 2 */",
                "SELECT \"it\\\"s\" AS a, 'o\\'k' AS b, 1.5e3 AS c FROM t_2025 # note",
                "SELECT col_1, x.backup_YYYYMMDD FROM `p.nba_raw.team_defense_backup_20250115` WHERE n > -42",
                "select 'naïve', 7 from t", "" };
        for (int i = 0; i < tricky.length; i++) {
            rows.add(new JobRow(Instant.parse("2026-11-30T00:00:00Z").plusSeconds(i), "nba-props-platform", "u" + (i % 2) + "@x.dev",
                    "tricky_" + i, java.util.Optional.empty(), "QUERY", java.util.Optional.of("SELECT"), false, 100, 1000L * (i + 1),
                    tricky[i], List.of()));
        }
        ShapeTally tally = new ShapeTally();
        rows.stream().filter(r -> !r.creationTime().isBefore(FROM) && r.creationTime().isBefore(TO)).forEach(tally::add);
        CostSummary java = tally.summary(50);

        Engine engine = new Engine(rows);
        CostSummary sql = engine.cost(JobsSql.costByShape("us-west2", FROM, TO, 50));

        assertThat(sql.runs()).isEqualTo(java.runs()).isEqualTo(15);
        assertThat(sql.bytesBilled()).isEqualTo(java.bytesBilled());
        assertThat(sql.shapes()).isEqualTo(java.shapes());
        assertThat(sql.top()).containsExactlyElementsOf(java.top());
        assertThat(java.top()).extracting(ShapeCost::shape).contains("SELECT * FROM `p.d.events_YYYYMMDD` WHERE id IN (?)",
                "SELECT ? AS a, ? AS b, ? AS c FROM t_2025",
                "SELECT col_1, x.backup_YYYYMMDD FROM `p.nba_raw.team_defense_backup_YYYYMMDD` WHERE n > -?");
        assertThat(java.top()).filteredOn(s -> s.shape().contains("events_YYYYMMDD")).singleElement()
                .satisfies(s -> assertThat(s.runs()).isEqualTo(2));

        Set<String> javaRefs = new TreeSet<>();
        rows.stream().filter(r -> !r.creationTime().isBefore(Instant.parse("2026-09-01T00:00:00Z")))
                .flatMap(r -> r.referencedTables().stream()).filter(t -> t.projectId().equals("nba-props-platform"))
                .forEach(t -> javaRefs.add(t.datasetId()));
        assertThat(engine.datasets(JobsSql.referencedDatasets("us-west2", "nba-props-platform", Instant.parse("2026-09-01T00:00:00Z"), TO)))
                .containsExactlyElementsOf(javaRefs).containsExactly("mlb_raw", "nba_analytics", "nba_predictions", "nba_raw");
    }

    /** ZetaSQL's reference engine over the rows, as table {@code jobs}. */
    static final class Engine {
        private final ZetaSqlReference engine = new ZetaSqlReference();
        private static final StructType REF = (StructType) BigQuerySqlValidator.type(
                "STRUCT<project_id STRING, dataset_id STRING, table_id STRING>");

        Engine(List<JobRow> rows) {
            List<SimpleColumn> columns = new ArrayList<>();
            for (String column : InformationSchemaJobs.COLUMNS) {
                int space = column.indexOf(' ');
                columns.add(new SimpleColumn("jobs", column.substring(0, space), BigQuerySqlValidator.type(column.substring(space + 1))));
            }
            List<List<Value>> data = new ArrayList<>();
            for (JobRow r : rows) {
                List<Value> row = new ArrayList<>();
                for (SimpleColumn c : columns) {
                    row.add(value(r, c.getName(), c.getType()));
                }
                data.add(row);
            }
            engine.addTable("jobs", columns, data);
        }

        private static Value value(JobRow r, String column, Type type) {
            return switch (column) {
                case "creation_time" -> Value.createTimestampValueFromUnixMicros(r.creationTime().getEpochSecond() * 1_000_000L
                        + r.creationTime().getNano() / 1000);
                case "project_id" -> Value.createStringValue(r.projectId());
                case "user_email" -> r.userEmail().isEmpty() ? Value.createNullValue(type) : Value.createStringValue(r.userEmail());
                case "job_id" -> Value.createStringValue(r.jobId());
                case "job_type" -> Value.createStringValue(r.jobType());
                case "statement_type" -> r.statementType().map(Value::createStringValue).orElse(Value.createNullValue(type));
                case "parent_job_id" -> r.parentJobId().map(Value::createStringValue).orElse(Value.createNullValue(type));
                case "query" -> r.query().isEmpty() && r.jobType().equals("LOAD") ? Value.createNullValue(type) : Value.createStringValue(r.query());
                case "cache_hit" -> Value.createBoolValue(r.cacheHit());
                case "total_bytes_processed" -> Value.createInt64Value(r.bytesProcessed());
                case "total_bytes_billed" -> r.bytesBilled() == 0 ? Value.createNullValue(type) : Value.createInt64Value(r.bytesBilled());
                case "referenced_tables" -> {
                    List<Value> refs = new ArrayList<>();
                    for (JobRow.TableRef t : r.referencedTables()) {
                        refs.add(Value.createStructValue(REF, List.of(Value.createStringValue(t.projectId()),
                                Value.createStringValue(t.datasetId()), Value.createStringValue(t.tableId()))));
                    }
                    yield Value.createArrayValue((ArrayType) type, refs);
                }
                default -> Value.createNullValue(type);
            };
        }

        private List<Map<String, Value>> run(JobsSql.Statement s) {
            return engine.rows(s.sql().replaceAll("`region-[a-z0-9-]+`\\.INFORMATION_SCHEMA\\.JOBS_BY_PROJECT", "jobs"),
                    s.parameters());
        }

        CostSummary cost(JobsSql.Statement s) {
            List<ShapeCost> top = new ArrayList<>();
            long[] totals = new long[3];
            for (Map<String, Value> row : run(s)) {
                List<String> users = new ArrayList<>();
                for (int i = 0; i < row.get("users").getElementCount(); i++) {
                    users.add(row.get("users").getElement(i).getStringValue());
                }
                top.add(new ShapeCost(row.get("shape").getStringValue(), row.get("runs").getInt64Value(),
                        row.get("bytes_billed").getInt64Value(), row.get("user_count").getInt64Value(), users,
                        row.get("top_job_id").getStringValue(), row.get("top_query").getStringValue()));
                totals[0] = row.get("all_runs").getInt64Value();
                totals[1] = row.get("all_bytes").getInt64Value();
                totals[2] = row.get("all_shapes").getInt64Value();
            }
            return new CostSummary(top, totals[0], totals[1], totals[2]);
        }

        List<String> datasets(JobsSql.Statement s) {
            return run(s).stream().map(r -> r.get("dataset_id").getStringValue()).toList();
        }
    }
}
