package dev.propsops.audit.sources;

import dev.propsops.staging.TableCatalog;
import dev.propsops.staging.TableDetails;
import dev.propsops.staging.TableMeta;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The tables of each dataset for the checks that read them (datasets, staging), through one of
 * staging-prune's catalogs: BigQuery's {@code __TABLES__} or the export's {@code tables/<dataset>.json}. A
 * dataset is read once per run, whichever check asks first, and failures are remembered too. Per-table
 * details are never read (see {@link #details}).
 */
public final class DatasetTables implements TableCatalog {
    private final TableCatalog catalog;
    private final Predicate<String> has;
    private final Map<String, Object> read = new HashMap<>();

    public DatasetTables(TableCatalog catalog, Predicate<String> has) {
        this.catalog = catalog;
        this.has = has;
    }

    /** Whether the source has the dataset at all (an export may lack its file; online: always). */
    public boolean has(String dataset) {
        return has.test(dataset);
    }

    @Override
    public String describe() {
        return catalog.describe();
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized List<TableMeta> tables(String dataset) {
        Object r = read.computeIfAbsent(dataset, d -> {
            try {
                return catalog.tables(d);
            } catch (RuntimeException e) {
                return e;
            }
        });
        if (r instanceof RuntimeException e) {
            throw e;
        }
        return (List<TableMeta>) r;
    }

    /**
     * Never read: the audit's calls grow with datasets, not tables, so a candidate's labels (props-ops-keep)
     * are not looked at here; staging-prune's own report reads them.
     */
    @Override
    public TableDetails details(TableMeta table) {
        return TableDetails.unknown();
    }
}
