package dev.propsops.logs.triage;

import java.util.Optional;

/**
 * One pattern of a service after the read: its id in the report and in {@code --assignments}, its template
 * ({@code <*>} for the variable parts) and what was seen of it.
 *
 * @param id unique in the run: services in name order, each service's patterns in the order they appeared
 * @param tracebackKey for a traceback group, its exception type and top frames
 * @param covered events of the pattern that a no-message or permission finding already reports
 */
public record Pattern(int id, String service, String template, Optional<String> tracebackKey, Occurrences seen, long covered) {
    public boolean traceback() {
        return tracebackKey.isPresent();
    }
}
