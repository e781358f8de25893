package dev.propsops.drift.findings;

import dev.propsops.drift.plan.Period;
import dev.propsops.drift.stats.PeriodStats;
import java.util.Optional;

/** The hit rate of one month against its baseline. */
public record OutcomeComparison(Period month, Period baseline, PeriodStats.OutcomeStats current, PeriodStats.OutcomeStats base) {
    /** Hit-rate change in percentage points, when both sides graded something. */
    public Optional<Double> changePoints() {
        if (current.hitRate().isEmpty() || base.hitRate().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of((current.hitRate().get() - base.hitRate().get()) * 100);
    }
}
