package dev.propsops.logs.report;

import dev.propsops.cli.Rating;
import dev.propsops.logs.findings.Finding;
import dev.propsops.logs.source.ReadResult;
import dev.propsops.logs.source.Window;
import dev.propsops.logs.triage.Occurrences;
import dev.propsops.logs.triage.Pattern;
import dev.propsops.logs.triage.TriageResult;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything one run of log-triage reports; the text and JSON renderers only format it.
 *
 * @param source what was read ("Cloud Logging (project p)", "file errors.json")
 * @param filter the Cloud Logging filter of the window triaged, when read from Cloud Logging
 * @param baselineMode {@code previous-window} or {@code none}
 * @param baselineRead true when a baseline was read and can be compared with
 * @param baselineNote why there is no baseline to compare with, when there is none
 * @param current how the read of the window went
 * @param baseline how the read of the baseline went (Cloud Logging only)
 * @param accounts where service accounts came from, and what went wrong looking them up
 */
public record TriageReport(String source, Optional<String> project, Optional<String> filter, String minSeverity,
        Set<String> services, String baselineMode, boolean baselineRead, Optional<String> baselineNote, ReadResult current,
        Optional<ReadResult> baseline, long maxEntries, TriageResult result, List<Finding> findings, int top,
        Optional<String> assignments, long assignmentsWritten, String accounts) {
    public TriageReport {
        services = Set.copyOf(services);
        findings = List.copyOf(findings);
    }

    public Optional<Rating> worst() {
        return findings.stream().map(Finding::rating).max(Comparator.naturalOrder());
    }

    /** True only when the read succeeded, was not cut, had no malformed entry, and found nothing. */
    public boolean noErrors() {
        return nothingFound() && result.malformedTotal() == 0;
    }

    /** No event in the window, from a read that succeeded and was not cut (malformed entries aside). */
    public boolean nothingFound() {
        return result.currentEvents() == 0 && !current.failed() && !current.truncated();
    }

    public boolean truncated() {
        return current.truncated() || baseline.map(ReadResult::truncated).orElse(false);
    }

    /** The window the rates are of: the one asked for, or a file's span. */
    public Optional<Window> window() {
        return result.current().or(() -> result.earliest().filter(e -> result.latest().get().isAfter(e))
                .map(e -> new Window(e, result.latest().get())));
    }

    /** The {@code n} patterns of a service with the most events in the window. */
    public List<Pattern> top(String service) {
        return result.patterns().getOrDefault(service, List.of()).stream().filter(p -> p.seen().count() > 0)
                .sorted(Comparator.comparingLong((Pattern p) -> p.seen().count()).reversed().thenComparingInt(Pattern::id))
                .limit(top).toList();
    }

    /** Patterns of a service seen in the window. */
    public long patternsSeen(String service) {
        return result.patterns().getOrDefault(service, List.of()).stream().filter(p -> p.seen().count() > 0).count();
    }

    public long eventsOf(String service) {
        return result.patterns().getOrDefault(service, List.of()).stream().mapToLong(p -> p.seen().count()).sum();
    }

    public Optional<Double> ratePerHour(Occurrences o) {
        return result.hours().map(h -> o.count() / h);
    }

    /** How the window compares with the baseline: the ratio of rates; empty without a baseline or when it had none. */
    public Optional<Double> change(Occurrences o) {
        if (!baselineRead || o.baseline() == 0) {
            return Optional.empty();
        }
        double scale = result.current().isPresent() && result.baseline().isPresent()
                ? result.current().get().hours() / result.baseline().get().hours() : 1.0;
        return Optional.of(o.count() / (o.baseline() * scale));
    }

    /** new, up (1.5x or more), down (0.67x or less), steady; empty without a baseline. */
    public Optional<String> trend(Occurrences o) {
        if (!baselineRead) {
            return Optional.empty();
        }
        if (o.baseline() == 0) {
            return Optional.of("new");
        }
        double c = change(o).orElse(1.0);
        return Optional.of(c >= 1.5 ? "up" : c <= 0.67 ? "down" : "steady");
    }
}
