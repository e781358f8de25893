package dev.propsops.drift;

import java.util.List;
import java.util.Map;

/**
 * A statement and its parameter values by name. BigQuery binds them by name; DuckDB's JDBC driver binds
 * {@code ?} by position, in {@code positional} order (a name may repeat).
 */
public record SqlStatement(String sql, Map<String, Object> parameters, List<String> positional) {
    public SqlStatement {
        parameters = Map.copyOf(parameters);
        positional = List.copyOf(positional);
    }

    /** The values in binding order, for DuckDB. */
    public List<Object> positionalValues() {
        return positional.stream().map(parameters::get).toList();
    }
}
