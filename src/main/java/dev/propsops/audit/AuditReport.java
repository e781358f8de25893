package dev.propsops.audit;

import dev.propsops.cli.Rating;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One audit: where it looked, the window, and every check's result. */
public record AuditReport(Optional<String> project, Optional<String> projectNumber, String source, String region,
        Instant generatedAt, Duration since, List<CheckResult> checks) {
    public AuditReport {
        checks = List.copyOf(checks);
    }

    /** Every finding, worst first (stable within a rating: in check order). */
    public List<Finding> findings() {
        return checks.stream().flatMap(c -> c.findings().stream())
                .sorted(Comparator.comparing(Finding::rating).reversed()).toList();
    }

    public Map<Rating, Long> counts() {
        Map<Rating, Long> counts = new EnumMap<>(Rating.class);
        for (Rating r : Rating.values()) {
            counts.put(r, 0L);
        }
        findings().forEach(f -> counts.merge(f.rating(), 1L, Long::sum));
        return counts;
    }

    public Optional<Rating> worst() {
        return findings().stream().map(Finding::rating).max(Comparator.naturalOrder());
    }

    public boolean anyRan() {
        return checks.stream().anyMatch(CheckResult::ran);
    }

    public long count(CheckResult.Status status) {
        return checks.stream().filter(c -> c.status() == status).count();
    }

    /** The ratings in the order reports show them, worst first. */
    public static List<Rating> order() {
        return List.of(Rating.CRITICAL, Rating.HIGH, Rating.MEDIUM, Rating.LOW, Rating.INFO);
    }
}
