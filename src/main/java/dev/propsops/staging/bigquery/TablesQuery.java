package dev.propsops.staging.bigquery;

import java.util.regex.Pattern;

/**
 * The one metadata query per dataset: {@code __TABLES__} gives id, type, creation and last modification,
 * rows and size of every table in a single read. A table name cannot be a query parameter, so the project
 * and dataset are checked against BigQuery's naming rules before they are written into the SQL.
 */
public final class TablesQuery {
    /** Dataset ids: letters, digits and underscores, at most 1,024 characters. */
    private static final Pattern DATASET = Pattern.compile("[A-Za-z0-9_]{1,1024}");
    /** Project ids, including legacy domain-scoped ones (example.com:project). */
    private static final Pattern PROJECT = Pattern.compile("([a-z0-9.-]+:)?[a-z][a-z0-9-]{4,61}[a-z0-9]");

    private TablesQuery() {
    }

    public static boolean isValidDataset(String dataset) {
        return dataset != null && DATASET.matcher(dataset).matches();
    }

    public static String sql(String project, String dataset) {
        if (project == null || !PROJECT.matcher(project).matches()) {
            throw new IllegalArgumentException("'" + project + "' is not a valid project id");
        }
        if (!isValidDataset(dataset)) {
            throw new IllegalArgumentException("'" + dataset + "' is not a valid dataset id (letters, digits, underscores)");
        }
        return "SELECT table_id, type, creation_time, last_modified_time, row_count, size_bytes\n"
                + "FROM `" + project + "." + dataset + ".__TABLES__`\n"
                + "ORDER BY table_id";
    }
}
