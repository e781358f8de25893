package dev.propsops.audit.bigquery.gcp;

import com.google.api.gax.paging.Page;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.Dataset;
import dev.propsops.audit.bigquery.DatasetLister;
import dev.propsops.gcp.BigQueryTarget;
import java.util.ArrayList;
import java.util.List;

/** The project's datasets through {@code datasets.list}: one call per page, whatever the datasets hold. */
public final class BigQueryDatasetLister implements DatasetLister {
    static final String ROLE = "roles/bigquery.metadataViewer (or roles/bigquery.resourceViewer) on the project";

    private final BigQuery bigquery;
    private final BigQueryTarget target;

    public BigQueryDatasetLister(BigQuery bigquery, BigQueryTarget target) {
        this.bigquery = bigquery;
        this.target = target;
    }

    @Override
    public String describe() {
        return target.describe();
    }

    @Override
    public List<DatasetRef> datasets() {
        return target.call("list the datasets", ROLE, () -> {
            List<DatasetRef> out = new ArrayList<>();
            Page<Dataset> page = bigquery.listDatasets(target.projectId(), BigQuery.DatasetListOption.pageSize(1000));
            for (Dataset d : page.iterateAll()) {
                out.add(new DatasetRef(d.getDatasetId().getDataset(), d.getLocation() == null ? "" : d.getLocation()));
            }
            return out;
        });
    }
}
