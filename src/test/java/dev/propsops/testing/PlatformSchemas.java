package dev.propsops.testing;

import java.util.List;

/**
 * The platform's BigQuery schemas as far as props-ops reads them, in one place: every SQL statement the
 * project sends is validated against these. Add a table here when a feature starts reading it.
 */
public final class PlatformSchemas {
    /** The project ids the tests use in fully qualified names. */
    public static final List<String> PROJECTS = List.of("test-project", "nba-props-platform");

    /** The legacy per-dataset metadata table that `bq query 'SELECT * FROM dataset.__TABLES__'` reads. */
    private static final String[] TABLES_META = { "project_id STRING", "dataset_id STRING", "table_id STRING",
            "creation_time INT64", "last_modified_time INT64", "row_count INT64", "size_bytes INT64", "type INT64" };

    private PlatformSchemas() {
    }

    public static BigQuerySqlValidator validator() {
        BigQuerySqlValidator v = new BigQuerySqlValidator();
        for (String dataset : List.of("nba_raw", "nba_analytics", "nba_precompute", "nba_predictions", "mlb_raw",
                "mlb_analytics", "mlb_precompute", "mlb_predictions")) {
            v.table(dataset + ".__TABLES__", PROJECTS, TABLES_META);
        }
        return v;
    }
}
