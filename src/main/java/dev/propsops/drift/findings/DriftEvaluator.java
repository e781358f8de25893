package dev.propsops.drift.findings;

import dev.propsops.cli.Severity;
import dev.propsops.drift.check.Check;
import dev.propsops.drift.check.Feature;
import dev.propsops.drift.check.Thresholds;
import dev.propsops.drift.plan.Comparison;
import dev.propsops.drift.plan.Period;
import dev.propsops.drift.season.SeasonCalendar;
import dev.propsops.drift.stats.Measurements;
import dev.propsops.drift.stats.PeriodStats;
import dev.propsops.drift.stats.Psi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Judges measurements against their baselines: the month-level states first (no rows, bootstrap, no known
 * season, no baseline), then rows per game day, then per feature the coverage drop and the distribution shift (PSI),
 * each against the feature's thresholds. Pure: no I/O, so every rule is unit-tested directly.
 */
public final class DriftEvaluator {
    /** Thresholds are met at the figure shown: 5.0 points is a 5-point drop even if the sum says 4.9999999. */
    private static final double EPS = 1e-9;

    private final SeasonCalendar calendar;

    public DriftEvaluator(SeasonCalendar calendar) {
        this.calendar = calendar;
    }

    /** The hit rate per month of the window, from a query that carries the outcome. */
    public List<OutcomeComparison> outcomes(Measurements m) {
        List<OutcomeComparison> out = new ArrayList<>();
        for (Comparison c : m.query().plan().comparisons()) {
            PeriodStats.OutcomeStats cur = m.of(c.current()).outcome().orElseThrow();
            PeriodStats.OutcomeStats base = m.of(c.baseline()).outcome().orElseThrow();
            out.add(new OutcomeComparison(c.current(), c.baseline(), cur, base));
        }
        return out;
    }

    /** Every finding of one check: per month, one for its rows and one per feature (unless the month has no rows). */
    public List<Finding> evaluate(Check check, Measurements m, Map<Period, OutcomeComparison> outcomes) {
        List<Finding> findings = new ArrayList<>();
        for (Comparison c : m.query().plan().comparisons()) {
            evaluateMonth(check, c, m.of(c.current()), m.of(c.baseline()), Optional.ofNullable(outcomes.get(c.current())), findings);
        }
        return findings;
    }

    private void evaluateMonth(Check check, Comparison c, PeriodStats cur, PeriodStats base, Optional<OutcomeComparison> outcome,
            List<Finding> out) {
        Finding.Figures curRows = rowFigures(cur);
        Finding.Figures baseRows = rowFigures(base);
        String prefix = check.table() + " " + c.current().label() + ": ";
        if (cur.rows() == 0) {
            Optional<SeasonCalendar.Season> season = check.bootstrap() ? calendar.bootstrapOf(c.current()) : Optional.empty();
            if (season.isPresent()) {
                SeasonCalendar.Season s = season.get();
                out.add(rowsFinding(check, c, curRows, baseRows, FindingStatus.bootstrap, List.of("bootstrap"), prefix
                        + "bootstrap: the " + s.label() + " season started " + s.start() + " and its first " + calendar.bootstrapDays()
                        + " days (to " + calendar.bootstrapEnd(s) + ") have no data by design"));
            } else if (!calendar.covers(c.current())) {
                // a new season may have started, or not: without its start no one can tell an outage from a bootstrap
                out.add(rowsFinding(check, c, curRows, baseRows, FindingStatus.unknown_season, List.of("unknown_season"), prefix
                        + "no rows, and no known season covers " + c.current().range() + calendar.knownUntil()
                                .map(d -> " (the known seasons end " + d + ")").orElse(" (no season is known)")
                        + ": it may be a new season's bootstrap; see the NOTE"));
            } else if (base.rows() == 0) {
                out.add(rowsFinding(check, c, curRows, baseRows, FindingStatus.no_baseline, List.of("no_rows"), prefix
                        + "no rows, nor in the baseline " + c.baseline().label() + ": nothing to compare"));
            } else {
                out.add(rowsFinding(check, c, curRows, baseRows, FindingStatus.critical, List.of("no_rows"), prefix
                        + "no rows at all, while the baseline " + c.baseline().label() + " had "
                        + Explanations.perDay(base.rowsPerDay()) + " per game day: is the table still being written?"
                        + outcome.filter(o -> o.changePoints().isPresent()).map(o -> "; " + Explanations.outcome(o)).orElse("")));
            }
            return;
        }
        if (base.rows() == 0) {
            String why = calendar.bootstrapOf(c.baseline()).filter(s -> check.bootstrap())
                    .map(s -> "the baseline " + c.baseline().label() + " is the bootstrap of the " + s.label() + " season")
                    .orElse("no rows in the baseline " + c.baseline().label());
            out.add(rowsFinding(check, c, curRows, baseRows, FindingStatus.no_baseline, List.of("no_baseline"),
                    prefix + "no baseline (" + why + "); " + Explanations.perDay(cur.rowsPerDay()) + " rows per game day now"));
            for (int i = 0; i < check.features().size(); i++) {
                Feature f = check.features().get(i);
                PeriodStats.FeatureStats fc = cur.features().get(i);
                double cov = (double) fc.present() / cur.rows();
                out.add(new Finding(check.name(), check.table(), Optional.of(f.name()), c.current(), c.baseline(),
                        featureFigures(cur, fc), baseRows, OptionalDouble.empty(), FindingStatus.no_baseline, List.of("no_baseline"),
                        f.name() + " " + c.current().label() + ": coverage " + Explanations.pct(cov) + ", no baseline (" + why + ")"));
            }
            return;
        }
        double rowsRatio = cur.rowsPerDay() / base.rowsPerDay();
        double rowsChange = check.rowThresholds().rowsPerDayChangeWarn();
        boolean volumeChanged = Math.abs(rowsRatio - 1) >= rowsChange - EPS;
        out.add(rowsFinding(check, c, curRows, baseRows, volumeChanged ? FindingStatus.warn : FindingStatus.ok,
                volumeChanged ? List.of("rows_per_day") : List.of(),
                prefix + Explanations.rows(base.rowsPerDay(), cur.rowsPerDay())));
        for (int i = 0; i < check.features().size(); i++) {
            out.add(feature(check, c, cur, base, i, rowsRatio, rowsChange, outcome));
        }
    }

    private Finding feature(Check check, Comparison c, PeriodStats cur, PeriodStats base, int i, double rowsRatio, double rowsChange,
            Optional<OutcomeComparison> outcome) {
        Feature f = check.features().get(i);
        Thresholds t = f.thresholds();
        PeriodStats.FeatureStats fc = cur.features().get(i);
        PeriodStats.FeatureStats fb = base.features().get(i);
        double cov = (double) fc.present() / cur.rows();
        double bcov = (double) fb.present() / base.rows();
        double drop = (bcov - cov) * 100;
        Severity coverage = drop >= t.coverageCriticalPoints() - EPS ? Severity.critical
                : drop >= t.coverageWarnPoints() - EPS ? Severity.warn : Severity.ok;
        OptionalDouble psi = OptionalDouble.empty();
        Severity shift = Severity.ok;
        if (fc.present() >= t.psiMinValues() && fb.present() >= t.psiMinValues() && fc.quantiles().isPresent()
                && fb.quantiles().isPresent()) {
            double p = Psi.of(fb.quantiles().get(), fc.quantiles().get());
            psi = OptionalDouble.of(p);
            shift = p >= t.psiCritical() - EPS ? Severity.critical : p >= t.psiWarn() - EPS ? Severity.warn : Severity.ok;
        }
        List<String> reasons = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        if (coverage != Severity.ok) {
            reasons.add("coverage");
            double presentRatio = (cov * cur.rowsPerDay()) / (bcov * base.rowsPerDay());
            parts.add(Explanations.coverageDrop(bcov, cov, rowsRatio, presentRatio, rowsChange));
        }
        if (shift != Severity.ok) {
            reasons.add("distribution");
            parts.add(Explanations.shift(psi.getAsDouble(), fb.quantiles().get(), fc.quantiles().get()));
        }
        Severity worst = Severity.worst(coverage, shift);
        if (worst == Severity.ok) {
            parts.add(Explanations.coverage(bcov, cov) + (psi.isPresent() ? ", PSI " + Explanations.psi(psi.getAsDouble()) : ""));
        } else {
            outcome.filter(o -> o.changePoints().isPresent()).ifPresent(o -> parts.add(Explanations.outcome(o)));
        }
        return new Finding(check.name(), check.table(), Optional.of(f.name()), c.current(), c.baseline(), featureFigures(cur, fc),
                featureFigures(base, fb), psi, FindingStatus.of(worst), reasons,
                f.name() + " " + c.current().label() + ": " + String.join("; ", parts));
    }

    private static Finding rowsFinding(Check check, Comparison c, Finding.Figures cur, Finding.Figures base, FindingStatus status,
            List<String> reasons, String explanation) {
        return new Finding(check.name(), check.table(), Optional.empty(), c.current(), c.baseline(), cur, base, OptionalDouble.empty(),
                status, reasons, explanation);
    }

    private static Finding.Figures rowFigures(PeriodStats s) {
        return new Finding.Figures(s.rows(), s.gameDays(), OptionalDouble.empty(), OptionalDouble.empty());
    }

    private static Finding.Figures featureFigures(PeriodStats s, PeriodStats.FeatureStats f) {
        OptionalDouble coverage = s.rows() == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) f.present() / s.rows());
        OptionalDouble median = f.quantiles().map(q -> OptionalDouble.of(q.median())).orElse(OptionalDouble.empty());
        return new Finding.Figures(s.rows(), s.gameDays(), coverage, median);
    }
}
