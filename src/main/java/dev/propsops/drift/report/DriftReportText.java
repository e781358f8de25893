package dev.propsops.drift.report;

import dev.propsops.cli.ByteSize;
import dev.propsops.cli.Severity;
import dev.propsops.drift.check.Outcome;
import dev.propsops.drift.findings.Explanations;
import dev.propsops.drift.findings.Finding;
import dev.propsops.drift.findings.FindingStatus;
import dev.propsops.drift.findings.OutcomeComparison;
import dev.propsops.drift.plan.Comparison;
import dev.propsops.drift.plan.ComparisonPlan;
import dev.propsops.drift.plan.Period;
import dev.propsops.drift.query.Skipped;
import dev.propsops.drift.season.ScheduleRead;
import dev.propsops.drift.season.SeasonCalendar;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The text report: a header with the seasons and where their starts came from, one line per finding that
 * needs a look (worst first) with its explanation, a warning when the schedule could not be read,
 * the hit rate per month, then a compact table of every feature and month, then the verdict.
 */
public final class DriftReportText {
    private DriftReportText() {
    }

    public static void render(DriftReport r, Severity failOn, int exitCode, PrintWriter out) {
        render(r, failOn, exitCode, out, true);
    }

    /** The report, with or without the table of every feature and month (the demo leaves it out). */
    public static void render(DriftReport r, Severity failOn, int exitCode, PrintWriter out, boolean withTable) {
        ComparisonPlan plan = r.plan();
        out.printf("drift-check %s: %s against %s, on %s%n", r.sport(), plan.window().range(), baselineText(plan), r.source());
        r.bytesScanned().ifPresent(b -> out.printf("BigQuery scanned about %s%n", ByteSize.format(b)));
        out.println("seasons: " + (r.seasons().isEmpty() ? "none known" : String.join(", ", r.seasons().stream().map(DriftReportText::season).toList()))
                + r.calendar().knownUntil().map(d -> "; known until " + d).orElse(""));
        // the lines to read: everything not ok, month-level states once per check (not once per feature)
        List<Finding> attention = r.findings().stream()
                .filter(f -> f.status() != FindingStatus.ok)
                .filter(f -> f.feature().isEmpty() || f.status() == FindingStatus.warn || f.status() == FindingStatus.critical)
                .sorted(Comparator.comparing((Finding f) -> rank(f.status())))
                .toList();
        out.println();
        if (attention.isEmpty()) {
            out.println("no drift: every feature and month is within its thresholds");
        }
        for (Finding f : attention) {
            out.printf("%-11s %s%n", f.status().label().toUpperCase(Locale.ROOT), f.explanation());
        }
        if (r.schedule().status() == ScheduleRead.Status.unreadable) {
            out.printf("%-11s %s%n", "WARNING", r.schedule().warning(r.sport()));
        }
        for (Skipped s : r.skipped()) {
            out.printf("%-11s %s (%s): %s%n", "SKIPPED", s.check(), s.table(), s.reason());
        }
        for (String note : r.notes()) {
            out.printf("%-11s %s%n", "NOTE", note);
        }
        List<OutcomeComparison> graded = r.outcomes().stream().filter(o -> o.current().graded() + o.base().graded() > 0).toList();
        if (!graded.isEmpty()) {
            out.println();
            out.println("hit rate, " + r.outcome().map(Outcome::describe).orElse("outcome") + ":");
            for (OutcomeComparison o : graded) {
                out.printf("  %-8s %s -> %s %s  (baseline %s; %,d -> %,d graded)%n", o.month().label(),
                        o.base().hitRate().map(Explanations::pct).orElse("n/a"), o.current().hitRate().map(Explanations::pct).orElse("n/a"),
                        o.changePoints().map(p -> "(" + Explanations.points(p) + ")").orElse(""), o.baseline().label(),
                        o.base().graded(), o.current().graded());
            }
        }
        out.println();
        if (withTable) {
            table(r.findings(), out);
            out.println();
        }
        out.printf("%d critical, %d warn, %d ok, %d bootstrap, %d no-baseline, %d unknown-season; worst %s, --fail-on %s: exit %d%n",
                r.count(FindingStatus.critical), r.count(FindingStatus.warn), r.count(FindingStatus.ok),
                r.count(FindingStatus.bootstrap), r.count(FindingStatus.no_baseline), r.count(FindingStatus.unknown_season), r.worst(),
                failOn, exitCode);
    }

    private static void table(List<Finding> findings, PrintWriter out) {
        int checkWidth = Math.max(5, findings.stream().mapToInt(f -> f.check().length()).max().orElse(5));
        int featureWidth = Math.max(7, findings.stream().mapToInt(f -> f.feature().orElse("(rows)").length()).max().orElse(7));
        String format = "%-" + checkWidth + "s  %-" + featureWidth + "s  %-7s  %-9s  %-16s  %5s  %-15s  %s%n";
        out.printf(format, "check", "feature", "month", "baseline", "coverage", "psi", "rows/day", "status");
        for (Finding f : findings) {
            String coverage = f.current().coverage().isPresent()
                    ? (f.base().coverage().isPresent() ? Explanations.pct(f.base().coverage().getAsDouble()) + " -> " : "")
                            + Explanations.pct(f.current().coverage().getAsDouble())
                    : "";
            String rows = f.feature().isEmpty()
                    ? (f.base().rows() > 0 ? Explanations.perDay(f.base().rowsPerDay()) + " -> " : "")
                            + (f.current().rows() > 0 ? Explanations.perDay(f.current().rowsPerDay()) : "0")
                    : "";
            out.printf(format, f.check(), f.feature().orElse("(rows)"), f.month().label(), shortLabel(f.baseline()), coverage,
                    fmt(f.psi()), rows, f.status().label());
        }
    }

    /** 2025-26 from 2025-10-21 (configuration; the schedule agrees). */
    private static String season(SeasonCalendar.Season s) {
        String origin = switch (s.origin()) {
            case schedule -> "schedule";
            case configuration -> "configuration" + s.scheduleStart()
                    .map(d -> d.equals(s.start()) ? "; the schedule agrees" : "; the schedule says " + d).orElse("");
        };
        return s.label() + " from " + s.start() + " (" + origin + ")";
    }

    private static String baselineText(ComparisonPlan plan) {
        List<Period> baselines = plan.comparisons().stream().map(Comparison::baseline).distinct().toList();
        return plan.baseline() + " (" + (baselines.size() == 1 ? baselines.get(0).range() : plan.baselineRange().range()) + ")";
    }

    private static String shortLabel(Period p) {
        return p.label().length() <= 9 ? p.label() : p.start().toString().substring(0, 7) + "+";
    }

    private static String fmt(OptionalDouble psi) {
        return psi.isPresent() ? Explanations.psi(psi.getAsDouble()) : "";
    }

    private static int rank(FindingStatus s) {
        return switch (s) {
            case critical -> 0;
            case warn -> 1;
            case unknown_season -> 2;
            case no_baseline -> 3;
            case bootstrap -> 4;
            case ok -> 5;
        };
    }
}
