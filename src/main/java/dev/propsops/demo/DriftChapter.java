package dev.propsops.demo;

import static dev.propsops.demo.DemoText.chapter;
import static dev.propsops.demo.DemoText.paragraph;
import static dev.propsops.demo.DemoText.took;

import dev.propsops.cli.Invocation;
import dev.propsops.cli.Severity;
import dev.propsops.drift.ConfiguredChecks;
import dev.propsops.drift.ConfiguredSeasons;
import dev.propsops.drift.DriftCheck;
import dev.propsops.drift.DriftConfig;
import dev.propsops.drift.demo.PlatformData;
import dev.propsops.drift.duckdb.DuckDbStatsSource;
import dev.propsops.drift.findings.Explanations;
import dev.propsops.drift.findings.Finding;
import dev.propsops.drift.findings.OutcomeComparison;
import dev.propsops.drift.plan.Baseline;
import dev.propsops.drift.plan.ComparisonPlan;
import dev.propsops.drift.plan.ComparisonPlanner;
import dev.propsops.drift.report.DriftReport;
import dev.propsops.drift.report.DriftReportText;
import dev.propsops.sport.Sport;
import dev.propsops.sport.SportConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;

/**
 * The drift chapter: the vegas-line incident replayed on a generated DuckDB/Parquet feature store (two NBA
 * seasons, January 2025 as it was, January 2026 as the incident left it), checked by the real drift-check
 * run with the shipped configuration. No emulator, no Google Cloud.
 */
final class DriftChapter {
    /** The handoff's day: January 2026 is the month to check. */
    static final LocalDate HANDOFF_DAY = LocalDate.of(2026, 2, 1);
    static final YearMonth MONTH = YearMonth.of(2026, 1);

    /** The figures of the last screen. */
    record Result(double coverageBefore, double coverageAfter, double rowsPerDayBefore, double rowsPerDayAfter,
            Optional<Double> hitRateBefore, Optional<Double> hitRateAfter, String verdict, int exitCode) {
    }

    private final DriftConfig config;
    private final SportConfig sports;
    private final Invocation invocation;

    DriftChapter(DriftConfig config, SportConfig sports, Invocation invocation) {
        this.config = config;
        this.sports = sports;
        this.invocation = invocation;
    }

    Result run(Path workDir) throws Exception {
        PrintWriter out = invocation.out();
        chapter(out, "6. drift-check: the vegas-line incident", "A feature store is generated as Parquet files in the bq extract "
                + "layout (DIR/<dataset>/<table>/*.parquet): January of two NBA seasons, 2024-25 as it was (200 rows a game day, "
                + "99.4% of them with a Vegas line) and 2025-26 as the incident left it (the store took every player: 460 rows a day, "
                + "43.4% with a line), with the phase-3 context, the graded predictions of catboost_v8 and the schedule of both seasons. It is " + HANDOFF_DAY
                + ", the day of the handoff. The real drift-check run, with the shipped configuration, checks January 2026 against "
                + "January 2025 (in-process DuckDB: no Google Cloud). The same from a shell: props-ops drift-check --sport nba "
                + "--month " + MONTH + " --source parquet:DIR");
        long t = System.nanoTime();
        Path dir = PlatformData.handoffJanuaries().writeParquet(workDir.resolve("feature-store"));
        paragraph(out, "Generated in " + dir + ".");
        took(out, t);
        out.println();

        t = System.nanoTime();
        ComparisonPlan plan = ComparisonPlanner.plan(Optional.of(MONTH), Optional.empty(), Optional.empty(), Baseline.PREVIOUS_SEASON,
                HANDOFF_DAY);
        DriftReport report;
        try (DuckDbStatsSource source = DuckDbStatsSource.parquet(dir)) {
            report = new DriftCheck(invocation).run(ConfiguredChecks.of(config, Sport.nba), plan,
                    ConfiguredSeasons.of(sports.of(Sport.nba), config.bootstrapDays(), Sport.nba), source);
        }
        int exitCode = report.worst().atLeast(Severity.critical) ? dev.propsops.cli.ExitCode.FINDINGS : dev.propsops.cli.ExitCode.OK;
        DriftReportText.render(report, Severity.critical, exitCode, out, false);
        took(out, t);

        Finding vegas = report.findings().stream().filter(f -> f.feature().equals(Optional.of("vegas_points_line"))).findFirst()
                .orElseThrow(() -> new IllegalStateException("the demo's drift check found no vegas_points_line"));
        Finding rows = report.findings().stream().filter(f -> f.feature().isEmpty() && f.check().equals(vegas.check())).findFirst()
                .orElseThrow();
        Optional<OutcomeComparison> hit = report.outcomes().stream().findFirst();
        out.println();
        paragraph(out, "The line to read: " + vegas.explanation() + ". On Cloud Run this run exits " + exitCode
                + " with --fail-on critical, which marks the execution failed: the alert the handoff did not have.");
        return new Result(vegas.base().coverage().orElse(Double.NaN), vegas.current().coverage().orElse(Double.NaN),
                rows.base().rowsPerDay(), rows.current().rowsPerDay(), hit.flatMap(o -> o.base().hitRate()),
                hit.flatMap(o -> o.current().hitRate()), vegas.status().label(), exitCode);
    }

    /** The line of the last screen. */
    static String summary(Result r) {
        return "vegas_points_line " + Explanations.pct(r.coverageBefore()) + " -> " + Explanations.pct(r.coverageAfter())
                + " coverage, rows/day " + Explanations.perDay(r.rowsPerDayBefore()) + " -> " + Explanations.perDay(r.rowsPerDayAfter())
                + ", hit rate " + r.hitRateBefore().map(Explanations::pct).orElse("n/a") + " -> "
                + r.hitRateAfter().map(Explanations::pct).orElse("n/a") + " (January 2025 -> 2026): " + r.verdict().toUpperCase(java.util.Locale.ROOT)
                + ", exit " + r.exitCode();
    }
}
