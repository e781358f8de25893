package dev.propsops.drift.query;

import dev.propsops.drift.plan.ComparisonPlan;
import dev.propsops.drift.plan.Period;
import dev.propsops.drift.season.ScheduleSpec;
import java.time.LocalDate;

/**
 * The one query against a sport's schedule, over the game days from {@code scanStart} to {@code scanEnd}
 * (the schedule is partitioned on its date, and the platform's table refuses queries without a filter on it).
 */
public record ScheduleQuery(ScheduleSpec spec, LocalDate scanStart, LocalDate scanEnd) {
    /** Years scanned before the plan's first day: enough to see the off-season before the season of its baseline. */
    static final int YEARS_BEFORE = 2;
    /** Days scanned after the window: a published schedule names the next opener, so the days before it are known. */
    static final int DAYS_AFTER = 366;

    public ScheduleQuery {
        if (scanEnd.isBefore(scanStart)) {
            throw new IllegalArgumentException("scan ends (" + scanEnd + ") before it starts (" + scanStart + ")");
        }
    }

    /** The schedule around a plan: from two years before its earliest day to a year after its window. */
    public static ScheduleQuery around(ScheduleSpec spec, ComparisonPlan plan) {
        LocalDate first = plan.periods().stream().map(Period::start).min(LocalDate::compareTo).orElseThrow();
        return new ScheduleQuery(spec, first.minusYears(YEARS_BEFORE), plan.to().plusDays(DAYS_AFTER));
    }
}
