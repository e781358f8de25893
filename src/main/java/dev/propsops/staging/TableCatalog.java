package dev.propsops.staging;

import java.util.List;

/**
 * Where staging-prune reads tables from: BigQuery (one {@code __TABLES__} query per dataset) or an
 * inventory file. Failures are {@link dev.propsops.cli.StoreException}s naming the resource and role.
 */
public interface TableCatalog {
    /** What error messages and the report name as the source, e.g. "BigQuery (project p, location l)". */
    String describe();

    /** Every table of the dataset, views and external tables included. */
    List<TableMeta> tables(String dataset);

    /** Labels, current expiration and last modification of one table; asked for candidates only. */
    TableDetails details(TableMeta table);
}
