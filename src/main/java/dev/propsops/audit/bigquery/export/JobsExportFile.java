package dev.propsops.audit.bigquery.export;

import com.fasterxml.jackson.databind.JsonNode;
import dev.propsops.audit.bigquery.CostSummary;
import dev.propsops.audit.bigquery.JobHistory;
import dev.propsops.audit.bigquery.JobRow;
import dev.propsops.audit.bigquery.ShapeTally;
import dev.propsops.audit.sources.BqValues;
import dev.propsops.cli.JsonRecords;
import dev.propsops.cli.JsonRecords.RecordFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The job history from {@code jobs.json}: the rows of JOBS_BY_PROJECT as {@code bq query --format=json} prints
 * them (see {@link BqValues} for how leniently they are read), streamed one at a time. A row that cannot be
 * read is a {@link RecordFileException} naming the file and line, which skips the checks that read the file.
 */
public final class JobsExportFile implements JobHistory {
    private final Path file;
    private Optional<Instant> earliest;

    public JobsExportFile(Path file) {
        this.file = file;
    }

    @Override
    public String describe() {
        return file.toString();
    }

    @Override
    public CostSummary costByShape(Instant from, Instant to, int top) {
        ShapeTally tally = new ShapeTally();
        each(job -> {
            if (!job.creationTime().isBefore(from) && job.creationTime().isBefore(to)) {
                tally.add(job);
            }
        });
        return tally.summary(top);
    }

    @Override
    public Set<String> referencedDatasets(String project, Instant from, Instant to) {
        Set<String> out = new TreeSet<>();
        each(job -> {
            if (!job.creationTime().isBefore(from) && job.creationTime().isBefore(to)) {
                job.referencedTables().stream().filter(t -> project.equals(t.projectId())).forEach(t -> out.add(t.datasetId()));
            }
        });
        return out;
    }

    @Override
    public synchronized Optional<Instant> earliestJob() {
        if (earliest == null) {
            Instant[] min = { null };
            each(job -> min[0] = min[0] == null || job.creationTime().isBefore(min[0]) ? job.creationTime() : min[0]);
            earliest = Optional.ofNullable(min[0]);
        }
        return earliest;
    }

    /** Every row of the file, in order. */
    public void each(Consumer<JobRow> consumer) {
        JsonRecords.read(file, new JsonRecords.Visitor() {
            @Override
            public void record(JsonNode value, long index, long line) {
                consumer.accept(row(value, line, index));
            }

            @Override
            public void malformed(long index, long line, String why) {
                throw new RecordFileException(file, line, "not JSON: " + why, index);
            }
        });
    }

    JobRow row(JsonNode n, long line, long index) {
        if (!n.isObject()) {
            throw new RecordFileException(file, line, "expected a job row object, found " + n.getNodeType().name().toLowerCase(), index);
        }
        try {
            Instant created = BqValues.timestamp(n.get("creation_time"), "creation_time")
                    .orElseThrow(() -> new IllegalArgumentException("a row without creation_time: not the JOBS_BY_PROJECT "
                            + "export (see --print-export-commands)"));
            List<JobRow.TableRef> refs = new ArrayList<>();
            JsonNode r = BqValues.structured(n.get("referenced_tables"));
            if (!BqValues.isNull(r)) {
                if (!r.isArray()) {
                    throw new IllegalArgumentException("referenced_tables = " + r + " is not a list");
                }
                for (JsonNode t : r) {
                    refs.add(new JobRow.TableRef(BqValues.text(t.get("project_id")).orElse(""),
                            BqValues.text(t.get("dataset_id")).orElse(""), BqValues.text(t.get("table_id")).orElse("")));
                }
            }
            return new JobRow(created, BqValues.text(n.get("project_id")).orElse(""), BqValues.text(n.get("user_email")).orElse(""),
                    BqValues.text(n.get("job_id")).orElse(""), BqValues.text(n.get("parent_job_id")),
                    BqValues.text(n.get("job_type")).orElse(""), BqValues.text(n.get("statement_type")),
                    BqValues.bool(n.get("cache_hit"), "cache_hit"), BqValues.number(n.get("total_bytes_processed"), "total_bytes_processed"),
                    BqValues.number(n.get("total_bytes_billed"), "total_bytes_billed"), BqValues.isNull(n.get("query")) ? "" : n.get("query").asText(), refs);
        } catch (IllegalArgumentException e) {
            throw new RecordFileException(file, line, e.getMessage(), index);
        }
    }
}
