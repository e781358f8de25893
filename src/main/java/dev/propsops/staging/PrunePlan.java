package dev.propsops.staging;

import java.util.List;

/**
 * The plan of a run over all its datasets: every table seen with its verdict, how each dataset read went,
 * and whether the cap stops it. A plan that would change more than {@code maxTables} tables acts on none.
 */
public record PrunePlan(List<PlannedTable> tables, List<DatasetResult> datasets, int maxTables) {
    public PrunePlan {
        tables = List.copyOf(tables);
        datasets = List.copyOf(datasets);
        if (maxTables < 0) {
            throw new IllegalArgumentException("--max-tables cannot be negative");
        }
    }

    /** The tables the run would change. */
    public List<PlannedTable> changes() {
        return tables.stream().filter(PlannedTable::mutates).toList();
    }

    public long candidates() {
        return tables.stream().filter(PlannedTable::candidate).count();
    }

    public boolean capped() {
        return changes().size() > maxTables;
    }

    public boolean anyDatasetFailed() {
        return datasets.stream().anyMatch(d -> d.status() == DatasetResult.Status.FAILED);
    }
}
