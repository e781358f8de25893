package dev.propsops.drift.query;

import java.util.List;
import java.util.Map;

/**
 * A statement and its parameter values by name. BigQuery binds them by name; DuckDB's JDBC driver binds
 * {@code ?} by position, in {@code positional} order (a name may repeat).
 */
public record SqlStatement(String sql, Map<String, Object> parameters, List<String> positional) {
    public SqlStatement {
        parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters)); // in order of use
        positional = List.copyOf(positional);
    }

    /** The values in binding order, for DuckDB. */
    public List<Object> positionalValues() {
        return positional.stream().map(parameters::get).toList();
    }
}
