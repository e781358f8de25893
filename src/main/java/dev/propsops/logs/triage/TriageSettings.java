package dev.propsops.logs.triage;

import dev.propsops.logs.source.LogSeverity;
import java.time.Duration;
import java.util.Set;

/**
 * How one triage reads and rates (from the options and {@code ops.logs.*}).
 *
 * @param minSeverity entries below it are skipped
 * @param services only these services (and jobs); empty = all
 * @param joinGap lines of one traceback are at most this far apart
 * @param maxOpenEvents instances with a traceback still open at once (a bound on memory)
 * @param maxEventLines lines one event holds at most
 * @param minEvents a new pattern or a spike needs at least this many events in the window
 * @param spikeFactor a spike is at least this many times the baseline rate
 * @param sampleChars a sample message is cut at this many characters
 * @param maxTracebackGroups traceback groups per service (a bound on memory); past it, one overflow group
 * @param maxFindingKeys distinct (service, revision) or (service, permission, resource) keys per rule
 */
public record TriageSettings(LogSeverity minSeverity, Set<String> services, Duration joinGap, int maxOpenEvents,
        int maxEventLines, long minEvents, double spikeFactor, int sampleChars, int maxTracebackGroups, int maxFindingKeys) {
    public TriageSettings {
        services = Set.copyOf(services);
    }

    public static TriageSettings defaults() {
        return new TriageSettings(LogSeverity.ERROR, Set.of(), Duration.ofSeconds(2), 10_000, 1_000, 10, 3.0, 2_000, 1_000, 1_000);
    }

    public TriageSettings withServices(Set<String> value) {
        return new TriageSettings(minSeverity, value, joinGap, maxOpenEvents, maxEventLines, minEvents, spikeFactor, sampleChars,
                maxTracebackGroups, maxFindingKeys);
    }

    public TriageSettings withMinSeverity(LogSeverity value) {
        return new TriageSettings(value, services, joinGap, maxOpenEvents, maxEventLines, minEvents, spikeFactor, sampleChars,
                maxTracebackGroups, maxFindingKeys);
    }

    public TriageSettings withMinEvents(long value) {
        return new TriageSettings(minSeverity, services, joinGap, maxOpenEvents, maxEventLines, value, spikeFactor, sampleChars,
                maxTracebackGroups, maxFindingKeys);
    }
}
