package dev.propsops.staging.bigquery;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.StandardTableDefinition;
import com.google.cloud.bigquery.TableId;
import com.google.cloud.bigquery.TableInfo;
import dev.propsops.gcp.BigQueryTarget;
import dev.propsops.staging.TableEditor;
import dev.propsops.staging.TableMeta;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Changes tables in BigQuery. An expiration is sent by {@code tables.patch} (the client sends it as POST
 * with {@code X-HTTP-Method-Override: PATCH}) with only the expiration (and labels when given): BigQuery
 * reads {@code expirationTime} as absolute epoch milliseconds, so a duration there would delete at once.
 */
public final class BigQueryTableEditor implements TableEditor {
    static final String EDIT_ROLE = "roles/bigquery.dataEditor";

    private final BigQuery bigquery;
    private final BigQueryTarget target;

    public BigQueryTableEditor(BigQuery bigquery, BigQueryTarget target) {
        this.bigquery = bigquery;
        this.target = target;
    }

    @Override
    public String project() {
        return target.projectId();
    }

    @Override
    public void setExpiration(TableMeta table, Instant at, Optional<Map<String, String>> labels) {
        // an empty standard definition adds nothing to the patch body: no schema is sent, none is replaced
        TableInfo.Builder patch = TableInfo.newBuilder(id(table), StandardTableDefinition.newBuilder().build())
                .setExpirationTime(at.toEpochMilli());
        labels.ifPresent(patch::setLabels);
        target.call("set the expiration of " + table.fullName(), EDIT_ROLE, () -> bigquery.update(patch.build()));
    }

    @Override
    public boolean delete(TableMeta table) {
        return target.call("delete " + table.fullName(), EDIT_ROLE, () -> bigquery.delete(id(table)));
    }

    private TableId id(TableMeta table) {
        return TableId.of(target.projectId(), table.dataset(), table.table());
    }
}
