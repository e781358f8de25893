package dev.propsops.drift.check;


/**
 * When a finding warns or is critical. Coverage drops are in percentage points, PSI is unitless, the
 * rows-per-day change is relative (0.30 = 30% either way).
 */
public record Thresholds(double coverageWarnPoints, double coverageCriticalPoints, double psiWarn, double psiCritical,
        double rowsPerDayChangeWarn, long psiMinValues) {

    /** The defaults: 5/15 points, PSI 0.1/0.25, rows/day 30%, PSI from 100 values. */
    public static final Thresholds DEFAULTS = new Thresholds(5, 15, 0.1, 0.25, 0.30, 100);

    public Thresholds {
        if (!(coverageWarnPoints > 0 && coverageWarnPoints <= coverageCriticalPoints)) {
            throw new IllegalArgumentException("coverage thresholds need 0 < warn <= critical, got "
                    + coverageWarnPoints + " / " + coverageCriticalPoints);
        }
        if (!(psiWarn > 0 && psiWarn <= psiCritical)) {
            throw new IllegalArgumentException("PSI thresholds need 0 < warn <= critical, got " + psiWarn + " / " + psiCritical);
        }
        if (!(rowsPerDayChangeWarn > 0)) {
            throw new IllegalArgumentException("rows-per-day-change-warn must be above 0, got " + rowsPerDayChangeWarn);
        }
        if (psiMinValues < 1) {
            throw new IllegalArgumentException("psi-min-values must be at least 1, got " + psiMinValues);
        }
    }
}
