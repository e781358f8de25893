package dev.propsops.audit.bigquery;

import dev.propsops.audit.AuditCheck;
import dev.propsops.audit.AuditContext;
import dev.propsops.audit.CheckResult;
import dev.propsops.audit.Finding;
import dev.propsops.cli.DurationConverter;
import dev.propsops.cli.ErrorExplainer;
import dev.propsops.cli.Rating;
import dev.propsops.cli.StoreException;
import dev.propsops.cli.ByteSize;
import dev.propsops.staging.StorageCost;
import dev.propsops.staging.TableMeta;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Datasets nobody uses: no job of the last {@code ops.audit.datasets.unused-after} (90 days) read any of
 * their tables (JOBS_BY_PROJECT's referenced_tables), and no table in them was modified in that time (each
 * dataset's {@code __TABLES__}, read through staging-prune's catalog). LOW, with size and monthly storage
 * cost. Calls: one query on the job history, one listing, one {@code __TABLES__} read per dataset.
 */
public final class DatasetsCheck implements AuditCheck {
    public static final String ID = "datasets";

    private final Duration unusedAfter;
    private final StorageCost cost;
    private final String location;

    public DatasetsCheck(Duration unusedAfter, StorageCost cost, String location) {
        this.unusedAfter = unusedAfter;
        this.cost = cost;
        this.location = location;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "BigQuery datasets";
    }

    @Override
    public CheckResult run(AuditContext context) {
        String project = context.requireProject();
        Instant since = context.now().minus(unusedAfter);
        String window = DurationConverter.format(unusedAfter);
        DatasetLister lister = context.sources().datasets();
        JobHistory history = context.sources().jobHistory();
        List<DatasetLister.DatasetRef> all = lister.datasets();
        Set<String> referenced = history.referencedDatasets(project, since, context.now());
        List<String> notes = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Optional<Instant> earliest = history.earliestJob();
        String coverage = earliest.filter(e -> e.isAfter(since.plus(Duration.ofDays(1))))
                .map(e -> "the job history only goes back to " + e + ": a dataset read before that is not seen").orElse("");
        if (!coverage.isEmpty()) {
            notes.add(coverage);
        }
        List<DatasetLister.DatasetRef> here = all.stream().filter(d -> d.location().isEmpty()
                || d.location().equalsIgnoreCase(location)).toList();
        if (here.size() < all.size()) {
            notes.add((all.size() - here.size()) + " dataset(s) outside location " + location + " were not checked (the job "
                    + "history is per location)");
        }
        List<Finding> findings = new ArrayList<>();
        int checked = 0;
        for (DatasetLister.DatasetRef d : here) {
            if (referenced.contains(d.dataset())) {
                checked++;
                continue;
            }
            List<TableMeta> tables;
            try {
                tables = context.sources().tables().tables(d.dataset());
            } catch (StoreException e) {
                problems.add("dataset " + d.dataset() + ": " + ErrorExplainer.explain(e).message());
                continue;
            }
            checked++;
            Optional<Instant> lastModified = tables.stream().map(TableMeta::lastModified).max(Instant::compareTo);
            if (lastModified.isPresent() && lastModified.get().isAfter(since)) {
                continue;
            }
            long bytes = tables.stream().mapToLong(TableMeta::sizeBytes).sum();
            double monthly = tables.stream().mapToDouble(t -> cost.monthly(t, context.now())).sum();
            Finding.Builder f = Finding.of(Rating.LOW, ID, project + "." + d.dataset(), String.format(Locale.ROOT,
                            "dataset %s unused for %s: %,d tables, %s, ~$%.2f/month", d.dataset(), window, tables.size(),
                            ByteSize.format(bytes), monthly))
                    .evidence("no job of the last " + window + " read it (" + history.describe() + ")")
                    .evidence(lastModified.map(t -> "last table change " + t).orElse("it has no tables"))
                    .evidence(String.format(Locale.ROOT, "storage estimate at $%.3f/$%.3f per GiB-month (active/long-term, "
                            + "ops.staging.price.*)", cost.activePerGibMonth(), cost.longTermPerGibMonth()))
                    .next("confirm with its owners, then archive or remove it: bq ls " + project + ":" + d.dataset()
                            + "; bq rm -r -d " + project + ":" + d.dataset())
                    .fact("dataset", d.dataset()).fact("tables", tables.size()).fact("size_bytes", bytes)
                    .fact("monthly_cost_usd", Math.round(monthly * 100) / 100.0)
                    .fact("last_modified", lastModified.map(Instant::toString).orElse(null));
            if (!coverage.isEmpty()) {
                f.evidence(coverage);
            }
            findings.add(f.build());
        }
        notes.add(checked + " dataset(s) checked, " + referenced.size() + " read by a job in the last " + window);
        return CheckResult.ran(this, lister.describe() + "; " + history.describe(), findings, notes, problems);
    }
}
