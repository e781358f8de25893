package dev.propsops.staging;

import com.google.cloud.BaseServiceException;
import dev.propsops.cli.ErrorExplainer;
import dev.propsops.cli.Explanation;
import dev.propsops.cli.Invocation;
import dev.propsops.cli.Progress;
import dev.propsops.cli.StoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the datasets from a catalog and plans every table: one listing per dataset, then labels and
 * expiration for the candidates only. A dataset that cannot be read is recorded with its error and fix
 * (the IAM role), and the others still run.
 */
public final class PlanBuilder {
    static final String READ_ROLE = "roles/bigquery.metadataViewer";

    private final TableCatalog catalog;
    private final PrunePlanner planner;
    private final Invocation invocation;

    public PlanBuilder(TableCatalog catalog, PrunePlanner planner, Invocation invocation) {
        this.catalog = catalog;
        this.planner = planner;
        this.invocation = invocation;
    }

    public PrunePlan build(List<String> datasets, int maxTables) {
        List<PlannedTable> tables = new ArrayList<>();
        List<DatasetResult> results = new ArrayList<>();
        try (Progress progress = Progress.start(invocation, "reading tables", "datasets", datasets.size())) {
            for (String dataset : datasets) {
                results.add(readDataset(dataset, tables));
                progress.add(1);
            }
        }
        return new PrunePlan(tables, results, maxTables);
    }

    private DatasetResult readDataset(String dataset, List<PlannedTable> into) {
        List<TableMeta> listed;
        try {
            listed = catalog.tables(dataset);
        } catch (StoreException e) {
            return failed(dataset, e, "");
        }
        StoreException firstDetailFailure = null;
        int detailFailures = 0;
        for (TableMeta t : listed) {
            if (!planner.needsDetails(t)) {
                into.add(planner.plan(t));
                continue;
            }
            try {
                into.add(planner.plan(t, catalog.details(t)));
            } catch (StoreException e) {
                detailFailures++;
                firstDetailFailure = firstDetailFailure == null ? e : firstDetailFailure;
                into.add(planner.unreadable(t, ErrorExplainer.explain(e).message()));
            }
        }
        if (firstDetailFailure != null) {
            DatasetResult f = failed(dataset, firstDetailFailure, "labels of " + detailFailures + " candidate table(s) "
                    + "could not be read, so they are left alone: ");
            return new DatasetResult(dataset, DatasetResult.Status.FAILED, listed.size(), f.error(), f.fix());
        }
        return DatasetResult.ok(dataset, listed.size());
    }

    private DatasetResult failed(String dataset, StoreException e, String prefix) {
        Explanation x = ErrorExplainer.explain(e);
        Optional<String> fix = x.fix();
        if (httpStatus(e) == 404) {
            // BigQuery answers "not found" for a misspelt dataset and for one in another location
            fix = Optional.of(fix.map(f -> f + "; ").orElse("") + "if it exists, check its location and that the caller has "
                    + READ_ROLE + " on it");
        }
        String message = prefix + x.message();
        invocation.log().failure("dataset " + dataset + ": " + message, fix);
        return DatasetResult.failed(dataset, message, fix);
    }

    private static int httpStatus(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof BaseServiceException b && b.getCode() > 0) {
                return b.getCode();
            }
        }
        return 0;
    }
}
