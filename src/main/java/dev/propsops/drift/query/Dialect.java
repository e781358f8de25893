package dev.propsops.drift.query;

import dev.propsops.drift.check.TableRef;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The few places where BigQuery's and DuckDB's SQL differ, for {@link StatsSql} and {@link ScheduleSql}.
 * Everything else in the statements is common SQL: CASE, BETWEEN, COUNT, COUNTIF, GROUP BY, LAG.
 */
public enum Dialect {
    BIGQUERY {
        @Override
        String parameter(String name, List<String> order) {
            return "@" + name;
        }

        @Override
        public String quote(String identifier) {
            return "`" + identifier + "`";
        }

        @Override
        public String table(Optional<String> project, TableRef t) {
            // one pair of backticks around the whole path, as BigQuery writes it
            return "`" + project.map(p -> p + ".").orElse("") + t.dataset() + "." + t.table() + "`";
        }

        @Override
        String element(String array, int position) {
            // SAFE_OFFSET: NULL instead of an error should a short array ever reach the SELECT
            return quote(array) + "[SAFE_OFFSET(" + position + ")]";
        }

        @Override
        String arrayLength(String array) {
            return "ARRAY_LENGTH(" + quote(array) + ")";
        }

        @Override
        String quantiles(String expression) {
            return "APPROX_QUANTILES(" + expression + ", " + STEPS + ")";
        }

        @Override
        String daysBetween(String from, String to) {
            return "DATE_DIFF(" + to + ", " + from + ", DAY)";
        }

        @Override
        String asText(String expression) {
            return "CAST(" + expression + " AS STRING)";
        }
    },
    DUCKDB {
        @Override
        String parameter(String name, List<String> order) {
            order.add(name);
            return "?";
        }

        @Override
        public String quote(String identifier) {
            return "\"" + identifier + "\"";
        }

        @Override
        public String table(Optional<String> project, TableRef t) {
            return quote(t.dataset()) + "." + quote(t.table()); // schemas are the datasets
        }

        @Override
        String element(String array, int position) {
            return quote(array) + "[" + (position + 1) + "]"; // lists are 1-based; out of range is NULL
        }

        @Override
        String arrayLength(String array) {
            return "len(" + quote(array) + ")";
        }

        @Override
        String quantiles(String expression) {
            // a uniform sample of 8,192 values per group (exact below that): real values, like APPROX_QUANTILES,
            // where approx_quantile's t-digest would interpolate between the atoms of yes/no and count features
            return "reservoir_quantile(" + expression + ", " + PROBABILITIES + ")";
        }

        @Override
        String daysBetween(String from, String to) {
            return "date_diff('day', " + from + ", " + to + ")"; // the other argument order than BigQuery's
        }

        @Override
        String asText(String expression) {
            return "CAST(" + expression + " AS VARCHAR)";
        }
    };

    /** Quantile steps: 100 gives 101 values, from the minimum to the maximum. */
    static final int STEPS = 100;

    private static final String PROBABILITIES = probabilities();

    /** A named parameter: {@code @name} in BigQuery; {@code ?} in DuckDB, recording the binding order. */
    abstract String parameter(String name, List<String> order);

    /** Records the parameter's value and returns how the statement refers to it. */
    String bind(String name, Object value, Map<String, Object> values, List<String> order) {
        values.put(name, value);
        return parameter(name, order);
    }

    /** A quoted identifier (validated by {@link TableRef} before it gets here). */
    public abstract String quote(String identifier);

    /** How a statement names a table: {@code `project.dataset.table`} or {@code "dataset"."table"}. */
    public abstract String table(Optional<String> project, TableRef t);

    abstract String element(String array, int position);

    abstract String arrayLength(String array);

    abstract String quantiles(String expression);

    /** Whole days from one DATE to another (positive when {@code to} is later). */
    abstract String daysBetween(String from, String to);

    /** A value as text: BOOL reads true/false in both. */
    abstract String asText(String expression);

    private static String probabilities() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i <= STEPS; i++) {
            sb.append(i == 0 ? "" : ", ").append(String.format(java.util.Locale.ROOT, "%.2f", i / (double) STEPS));
        }
        return sb.append("]").toString();
    }
}
