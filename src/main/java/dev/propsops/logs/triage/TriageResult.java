package dev.propsops.logs.triage;

import dev.propsops.logs.source.Malformed;
import dev.propsops.logs.source.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a triage saw, before any rule: counts, patterns per service (in name order) and the tallies of the
 * no-message and permission errors.
 *
 * @param current the window triaged; empty when a file was read whole
 * @param earliest the first entry of the window triaged, if any
 * @param droppedFindingKeys events that no tally took because a rule had too many distinct keys
 */
public record TriageResult(Optional<Window> current, Optional<Window> baseline, Optional<Instant> earliest,
        Optional<Instant> latest, long currentEntries, long baselineEntries, long currentEvents, long baselineEvents,
        Map<Malformed, Long> malformed, Map<Triage.Skip, Long> skipped, Map<String, List<Pattern>> patterns,
        List<Triage.NoMessageTally> noMessage, List<Triage.PermissionTally> permissions, long droppedFindingKeys) {
    public TriageResult {
        malformed = Map.copyOf(malformed);
        skipped = Map.copyOf(skipped);
        patterns = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(patterns));
        noMessage = List.copyOf(noMessage);
        permissions = List.copyOf(permissions);
    }

    public long malformedTotal() {
        return malformed.values().stream().mapToLong(Long::longValue).sum();
    }

    public long skippedTotal() {
        return skipped.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * The hours the rates are per: the window's length, or for a file read whole the span from its first to
     * its last entry (empty when that is under a minute: a rate would mean nothing).
     */
    public Optional<Double> hours() {
        if (current.isPresent()) {
            return Optional.of(current.get().hours());
        }
        if (earliest.isEmpty()) {
            return Optional.empty();
        }
        Duration span = Duration.between(earliest.get(), latest.get());
        return span.compareTo(Duration.ofMinutes(1)) < 0 ? Optional.empty() : Optional.of(span.toMillis() / 3_600_000.0);
    }
}
