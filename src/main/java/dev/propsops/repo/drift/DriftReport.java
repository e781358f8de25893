package dev.propsops.repo.drift;

import dev.propsops.cli.Rating;
import dev.propsops.repo.git.GitHistory;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What one deploy-drift run found: every service and job of the map and of Cloud Run, worst first.
 *
 * @param source what was read for "deployed" (the Admin API with project and regions, or the export files)
 * @param failOn the rating that fails the run (empty: never)
 */
public record DriftReport(String source, String repository, GitHistory.Branch branch, String servicesFile, String commitEnv,
        Instant checkedAt, Optional<Rating> failOn, List<UnitCheck> units) {
    public DriftReport {
        units = units.stream().sorted(Comparator.comparing(UnitCheck::rating).reversed()
                .thenComparing(UnitCheck::name).thenComparing(UnitCheck::kind)).toList();
    }

    public Optional<Rating> worst() {
        return units.stream().map(UnitCheck::rating).max(Comparator.naturalOrder());
    }

    public Map<Verdict, Long> counts() {
        Map<Verdict, Long> counts = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            counts.put(v, 0L);
        }
        units.forEach(u -> counts.merge(u.verdict(), 1L, Long::sum));
        return counts;
    }

    /** The units at or above --fail-on: what a CI workflow opens an issue about. */
    public List<UnitCheck> failing() {
        return failOn.map(t -> units.stream().filter(u -> u.rating().atLeast(t)).toList()).orElse(List.of());
    }

    /** One line for an issue title or a log: "2 of 9 drift: prediction-worker behind, coordinator unknown". */
    public String summary() {
        List<UnitCheck> flagged = units.stream().filter(u -> u.rating().atLeast(Rating.LOW)).toList();
        if (flagged.isEmpty()) {
            return "all " + units.size() + " services and jobs run the latest change to their paths";
        }
        return flagged.size() + " of " + units.size() + " services and jobs to look at: "
                + flagged.stream().map(u -> u.name() + " " + u.verdict().label()).collect(Collectors.joining(", "));
    }
}
