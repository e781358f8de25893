package dev.propsops.staging.bigquery;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQuery.TableField;
import com.google.cloud.bigquery.BigQuery.TableOption;
import com.google.cloud.bigquery.FieldValue;
import com.google.cloud.bigquery.FieldValueList;
import com.google.cloud.bigquery.QueryJobConfiguration;
import com.google.cloud.bigquery.Table;
import com.google.cloud.bigquery.TableId;
import com.google.cloud.bigquery.TableResult;
import dev.propsops.cli.StoreException;
import dev.propsops.gcp.BigQueryTarget;
import dev.propsops.staging.TableCatalog;
import dev.propsops.staging.TableDetails;
import dev.propsops.staging.TableMeta;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tables from BigQuery: one {@code __TABLES__} query per dataset (every page of its result), and a
 * {@code tables.get} limited to labels, expiration and last modification for each candidate.
 */
public final class BigQueryTableCatalog implements TableCatalog {
    /** Reading __TABLES__ is a query job: it also needs roles/bigquery.jobUser on the project. */
    static final String READ_ROLE = "roles/bigquery.metadataViewer on the dataset (and roles/bigquery.jobUser on the "
            + "project, to run its metadata query)";
    static final String GET_ROLE = "roles/bigquery.metadataViewer";

    private final BigQuery bigquery;
    private final BigQueryTarget target;

    public BigQueryTableCatalog(BigQuery bigquery, BigQueryTarget target) {
        this.bigquery = bigquery;
        this.target = target;
    }

    @Override
    public String describe() {
        return target.describe();
    }

    @Override
    public List<TableMeta> tables(String dataset) {
        QueryJobConfiguration query = QueryJobConfiguration.newBuilder(TablesQuery.sql(target.projectId(), dataset))
                .setUseLegacySql(false).build();
        // the later pages are read while iterating, so the whole read is one call for the error handling
        return target.call("read the tables of dataset " + dataset, READ_ROLE, () -> {
            try {
                TableResult result = bigquery.query(query);
                List<TableMeta> tables = new ArrayList<>();
                for (FieldValueList row : result.iterateAll()) {
                    tables.add(toMeta(dataset, row));
                }
                return tables;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreException("read the tables of dataset " + dataset + " (interrupted)", target.describe(), null, e);
            }
        });
    }

    @Override
    public TableDetails details(TableMeta t) {
        TableId id = TableId.of(target.projectId(), t.dataset(), t.table());
        Table table = target.call("read labels of " + t.fullName(), GET_ROLE, () -> bigquery.getTable(id,
                TableOption.fields(TableField.LABELS, TableField.EXPIRATION_TIME, TableField.LAST_MODIFIED_TIME)));
        if (table == null) {
            return TableDetails.gone();
        }
        Map<String, String> labels = table.getLabels() == null ? Map.of() : table.getLabels();
        return TableDetails.known(labels, Optional.ofNullable(table.getExpirationTime()).map(Instant::ofEpochMilli),
                Optional.ofNullable(table.getLastModifiedTime()).map(Instant::ofEpochMilli));
    }

    private static TableMeta toMeta(String dataset, FieldValueList row) {
        return new TableMeta(dataset, row.get("table_id").getStringValue(), longOf(row.get("type")),
                Instant.ofEpochMilli(longOf(row.get("creation_time"))), Instant.ofEpochMilli(longOf(row.get("last_modified_time"))),
                longOf(row.get("row_count")), longOf(row.get("size_bytes")));
    }

    private static long longOf(FieldValue v) {
        return v == null || v.isNull() ? 0L : v.getLongValue();
    }
}
