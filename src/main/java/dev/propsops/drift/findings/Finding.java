package dev.propsops.drift.findings;

import dev.propsops.drift.check.TableRef;
import dev.propsops.drift.plan.Period;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One verdict: a feature of a check in one month against its baseline, or, with no feature, the check's
 * row volume (and the month-level states: no rows, bootstrap, no baseline). {@code explanation} is the
 * one plain line the text report prints.
 */
public record Finding(String check, TableRef table, Optional<String> feature, Period month, Period baseline,
        Figures current, Figures base, OptionalDouble psi, FindingStatus status, List<String> reasons,
        String explanation) {
    public Finding {
        reasons = List.copyOf(reasons);
    }

    /** The figures of one side (the month or its baseline). Coverage is a fraction, 0..1. */
    public record Figures(long rows, long gameDays, OptionalDouble coverage, OptionalDouble median) {
        public double rowsPerDay() {
            return gameDays == 0 ? 0 : (double) rows / gameDays;
        }
    }

    /** Coverage change in percentage points (negative = a drop), when both sides have one. */
    public OptionalDouble coverageChangePoints() {
        if (current.coverage().isEmpty() || base.coverage().isEmpty()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((current.coverage().getAsDouble() - base.coverage().getAsDouble()) * 100);
    }
}
