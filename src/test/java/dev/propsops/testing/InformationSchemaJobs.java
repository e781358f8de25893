package dev.propsops.testing;

import java.util.List;

/**
 * BigQuery's {@code region-<location>.INFORMATION_SCHEMA.JOBS_BY_PROJECT} view (the columns infra-audit reads
 * and their neighbours, with Google's documented types), for the ZetaSQL checks of the audit's statements.
 */
public final class InformationSchemaJobs {
    public static final String[] COLUMNS = { "creation_time TIMESTAMP", "project_id STRING", "project_number INT64",
            "user_email STRING", "job_id STRING", "job_type STRING", "statement_type STRING", "priority STRING",
            "start_time TIMESTAMP", "end_time TIMESTAMP", "query STRING", "state STRING", "reservation_id STRING",
            "total_bytes_processed INT64", "total_slot_ms INT64", "cache_hit BOOL",
            "referenced_tables ARRAY<STRUCT<project_id STRING, dataset_id STRING, table_id STRING>>",
            "labels ARRAY<STRUCT<key STRING, value STRING>>", "total_bytes_billed INT64", "parent_job_id STRING",
            "transaction_id STRING" };

    private InformationSchemaJobs() {
    }

    /** The platform's validator plus the view of the given locations (e.g. us-west2). */
    public static BigQuerySqlValidator validator(String... locations) {
        BigQuerySqlValidator v = PlatformSchemas.validator();
        v.table("INFORMATION_SCHEMA.JOBS_BY_PROJECT", java.util.Arrays.stream(locations).map(l -> "region-" + l).toList(), COLUMNS);
        return v;
    }
}
