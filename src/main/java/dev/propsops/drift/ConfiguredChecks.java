package dev.propsops.drift;

import dev.propsops.cli.OpsException;
import dev.propsops.drift.check.Check;
import dev.propsops.drift.check.Feature;
import dev.propsops.drift.check.Outcome;
import dev.propsops.drift.check.Presence;
import dev.propsops.drift.check.TableRef;
import dev.propsops.drift.check.Thresholds;
import dev.propsops.drift.plan.ComparisonPlan;
import dev.propsops.drift.query.StatsQuery;
import dev.propsops.sport.Sport;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A sport's checks and outcome as configured under {@code ops.drift.<sport>.*}, validated: identifiers that
 * go into SQL, known feature names in non-zero lists and threshold overrides (a typo there would otherwise
 * silently keep the default), sane thresholds. A mistake is a configuration error (exit 2) naming the key.
 */
public record ConfiguredChecks(List<Check> checks, Optional<Outcome> outcome) {

    /** The queries that measure these checks and the outcome over the plan's periods. */
    public List<StatsQuery> queries(ComparisonPlan plan) {
        return StatsQuery.plan(checks, outcome, plan);
    }

    public static ConfiguredChecks of(DriftConfig config, Sport sport) {
        String prefix = "ops.drift." + sport + ".";
        DriftConfig.SportChecks sc = config.of(sport);
        Thresholds defaults = guard("ops.drift.thresholds.*", () -> thresholds(config.thresholds()));
        Map<String, DriftConfig.ThresholdOverrides> overrides = sc.thresholds();
        Set<String> known = new HashSet<>();
        List<Check> checks = new ArrayList<>();
        // sorted by name, so reports list checks in a stable order
        for (Map.Entry<String, DriftConfig.CheckConfig> e : new TreeMap<>(sc.checks()).entrySet()) {
            String key = prefix + "checks." + e.getKey();
            Check check = guard(key + ".*", () -> check(e.getKey(), e.getValue(), defaults, overrides));
            checks.add(check);
            known.add(check.name());
            check.features().forEach(f -> known.add(f.name()));
        }
        if (checks.isEmpty()) {
            throw OpsException.usage("no drift checks are configured for " + sport,
                    "add " + prefix + "checks.<name>.table and .features to application.properties (see the README)");
        }
        for (String name : overrides.keySet()) {
            if (!known.contains(name)) {
                throw OpsException.usage(prefix + "thresholds." + name + " names no configured feature or check",
                        "use one of: " + String.join(", ", new java.util.TreeSet<>(known)));
            }
        }
        Optional<Outcome> outcome = sc.outcome().map(o -> guard(prefix + "outcome.*", () -> outcome(o)));
        return new ConfiguredChecks(List.copyOf(checks), outcome);
    }

    private static Check check(String name, DriftConfig.CheckConfig c, Thresholds defaults,
            Map<String, DriftConfig.ThresholdOverrides> overrides) {
        TableRef table = TableRef.parse(c.table());
        String dateColumn = TableRef.requireIdentifier(c.dateColumn(), "date column");
        Optional<String> array = c.arrayColumn().map(a -> TableRef.requireIdentifier(a, "array column"));
        List<String> names = c.features();
        if (names.isEmpty()) {
            throw new IllegalArgumentException("features is empty");
        }
        Set<String> unique = new LinkedHashSet<>();
        for (String n : names) {
            TableRef.requireIdentifier(n, "feature");
            if (!unique.add(n)) {
                throw new IllegalArgumentException("feature '" + n + "' is listed twice");
            }
        }
        Set<String> nonZero = new HashSet<>(c.nonZero().orElse(List.of()));
        for (String n : nonZero) {
            if (!unique.contains(n)) {
                throw new IllegalArgumentException("non-zero names '" + n + "', which is not one of its features");
            }
        }
        List<Feature> features = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            Thresholds t = overrides.containsKey(n) ? with(defaults, overrides.get(n)) : defaults;
            features.add(new Feature(n, array.isPresent() ? i : -1,
                    nonZero.contains(n) ? Presence.NOT_NULL_NOR_ZERO : Presence.NOT_NULL, t));
        }
        int minLength = c.minArrayLength().orElse(names.size());
        if (array.isPresent() && minLength < names.size()) {
            throw new IllegalArgumentException("min-array-length " + minLength + " is below the " + names.size()
                    + " features read from the array");
        }
        Thresholds rows = overrides.containsKey(name) ? with(defaults, overrides.get(name)) : defaults;
        return new Check(name, table, dateColumn, array, array.isPresent() ? minLength : 0, features, c.bootstrap(), rows);
    }

    private static Outcome outcome(DriftConfig.OutcomeConfig o) {
        if (o.filterColumn().isPresent() != o.filterValue().isPresent()) {
            throw new IllegalArgumentException("filter-column and filter-value go together");
        }
        return new Outcome(TableRef.parse(o.table()), TableRef.requireIdentifier(o.dateColumn(), "date column"),
                TableRef.requireIdentifier(o.correctColumn(), "correct column"),
                o.filterColumn().map(f -> TableRef.requireIdentifier(f, "filter column")), o.filterValue());
    }

    private static Thresholds thresholds(DriftConfig.ThresholdDefaults d) {
        return new Thresholds(d.coverageWarnPoints(), d.coverageCriticalPoints(), d.psiWarn(), d.psiCritical(),
                d.rowsPerDayChangeWarn(), d.psiMinValues());
    }

    private static Thresholds with(Thresholds t, DriftConfig.ThresholdOverrides o) {
        return new Thresholds(o.coverageWarnPoints().orElse(t.coverageWarnPoints()),
                o.coverageCriticalPoints().orElse(t.coverageCriticalPoints()), o.psiWarn().orElse(t.psiWarn()),
                o.psiCritical().orElse(t.psiCritical()), o.rowsPerDayChangeWarn().orElse(t.rowsPerDayChangeWarn()),
                o.psiMinValues().orElse(t.psiMinValues()));
    }

    private static <T> T guard(String keys, java.util.function.Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw OpsException.usage("invalid drift configuration " + keys + ": " + e.getMessage(),
                    "fix it in application.properties or the matching environment variable (see the README)");
        }
    }
}
