package dev.propsops.logs.source.logging;

import dev.propsops.logs.source.LogSeverity;
import dev.propsops.logs.source.Window;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The Cloud Logging filter of one window. It always carries both timestamp bounds: without a
 * {@code timestamp} in the filter the client library reads only the last 24 hours.
 *
 * @param resourceTypes e.g. cloud_run_revision, cloud_run_job
 * @param services only these services or jobs; empty = all
 * @param extra {@code --filter}, ANDed in parentheses
 */
public record LogFilter(LogSeverity minSeverity, List<String> resourceTypes, List<String> services, Optional<String> extra) {
    /** Cloud Logging's limit on a filter's length. */
    public static final int MAX_LENGTH = 20_000;

    public LogFilter {
        resourceTypes = List.copyOf(resourceTypes);
        services = List.copyOf(services);
    }

    public String of(Window w) {
        StringBuilder f = new StringBuilder();
        f.append("timestamp >= \"").append(w.from()).append("\" AND timestamp < \"").append(w.to()).append('"');
        f.append(" AND severity >= ").append(minSeverity.name());
        if (!resourceTypes.isEmpty()) {
            f.append(" AND resource.type = ").append(anyOf(resourceTypes));
        }
        if (!services.isEmpty()) {
            String names = anyOf(services);
            f.append(" AND (resource.labels.service_name = ").append(names).append(" OR resource.labels.job_name = ").append(names).append(')');
        }
        extra.filter(x -> !x.isBlank()).ifPresent(x -> f.append(" AND (").append(x.strip()).append(')'));
        return f.toString();
    }

    private static String anyOf(List<String> values) {
        return values.size() == 1 ? quote(values.get(0)) : values.stream().map(LogFilter::quote).collect(Collectors.joining(" OR ", "(", ")"));
    }

    static String quote(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
