package dev.propsops.drift;

import dev.propsops.cli.ByteSize;
import dev.propsops.cli.Invocation;
import dev.propsops.cli.OpsException;
import dev.propsops.cli.Progress;
import dev.propsops.drift.findings.DriftEvaluator;
import dev.propsops.drift.findings.Finding;
import dev.propsops.drift.findings.OutcomeComparison;
import dev.propsops.drift.plan.ComparisonPlan;
import dev.propsops.drift.plan.Period;
import dev.propsops.drift.query.Skipped;
import dev.propsops.drift.query.StatsQuery;
import dev.propsops.drift.report.DriftReport;
import dev.propsops.drift.season.KnownSeasons;
import dev.propsops.drift.season.ScheduleRead;
import dev.propsops.drift.season.ScheduleSpec;
import dev.propsops.drift.season.SeasonCalendar;
import dev.propsops.drift.stats.Measurements;
import dev.propsops.sport.Sport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The drift-check job: plans one query per table, lets the source look before it leaps (skips, byte
 * budget), reads the season starts from the schedule (going on with the configured ones when it cannot),
 * runs the queries with progress, and judges the figures. The command around it only parses
 * options and renders.
 */
public final class DriftCheck {
    private final Invocation invocation;

    public DriftCheck(Invocation invocation) {
        this.invocation = invocation;
    }

    public DriftReport run(ConfiguredChecks configured, ComparisonPlan plan, ConfiguredSeasons seasons, FeatureStatsSource source) {
        Sport sport = seasons.sport();
        List<StatsQuery> queries = configured.queries(plan);
        ScheduleReading schedule = new ScheduleReading(seasons, plan, source.schedule());
        // the schedule first, so that on BigQuery its dry run counts in the byte budget
        schedule.preflight();
        FeatureStatsSource.Preflight preflight = source.preflight(queries);
        for (Skipped s : preflight.skipped()) {
            invocation.log().warn("skipping " + s.check() + " (" + s.table() + "): " + s.reason());
        }
        if (preflight.runnable().stream().noneMatch(q -> q.check().isPresent())) {
            // a run that checked nothing must not pass as a clean one
            throw OpsException.failed("none of the configured tables has data in " + source.describe() + ": nothing was checked",
                    "check the --source path; Parquet files go in DIR/<dataset>/<table>/*.parquet, e.g. "
                            + configured.checks().get(0).table().dataset() + "/" + configured.checks().get(0).table().table()
                            + "/000000000000.parquet",
                    null);
        }
        preflight.bytes().ifPresent(b -> invocation.log().info("the queries will scan about " + ByteSize.format(b)));
        ScheduleRead read = schedule.read();
        if (read.status() == ScheduleRead.Status.unreadable) {
            invocation.log().warn(read.warning(sport) + read.fix().map(f -> " (fix: " + f + ")").orElse(""));
        }
        SeasonCalendar calendar = KnownSeasons.calendar(read.seasons(), seasons.configured(), seasons.bootstrapDays());
        List<String> notes = new ArrayList<>(seasonNotes(seasons, plan, calendar, read));
        notes.forEach(n -> invocation.log().warn(n));
        DriftEvaluator evaluator = new DriftEvaluator(calendar);
        List<Measurements> measured = new ArrayList<>();
        try (Progress progress = Progress.start(invocation, "drift-check", "queries", preflight.runnable().size())) {
            for (StatsQuery q : preflight.runnable()) {
                invocation.log().info("measuring " + q.table() + " (" + q.name() + ") over " + plan.periods().size() + " periods");
                measured.add(source.measure(q));
                progress.add(1);
            }
        }
        // the hit rate first: the findings' explanations mention it
        List<OutcomeComparison> outcomes = new ArrayList<>();
        measured.stream().filter(m -> m.query().outcome().isPresent()).findFirst().ifPresent(m -> outcomes.addAll(evaluator.outcomes(m)));
        Map<Period, OutcomeComparison> outcomeByMonth = new HashMap<>();
        outcomes.forEach(o -> outcomeByMonth.put(o.month(), o));
        List<Finding> findings = new ArrayList<>();
        for (Measurements m : measured) {
            m.query().check().ifPresent(c -> findings.addAll(evaluator.evaluate(c, m, outcomeByMonth)));
        }
        return new DriftReport(sport, plan, source.describe(), preflight.bytes(), findings, configured.outcome(), outcomes,
                preflight.skipped(), calendar, read, notes);
    }

    /**
     * A window that no known season covers would call a new season's bootstrap an outage: say so, with the
     * key to set. Periods without rows are then unknown-season, never critical.
     */
    static List<String> seasonNotes(ConfiguredSeasons seasons, ComparisonPlan plan, SeasonCalendar calendar, ScheduleRead read) {
        if (calendar.covers(plan.window())) {
            return List.of();
        }
        Sport sport = seasons.sport();
        String alternative = switch (read.status()) {
            case read -> "";
            case unreadable -> ", or make the schedule " + read.spec().map(ScheduleSpec::describe).orElse("") + " readable";
            case not_configured -> ", or name the schedule in ops.sport." + sport + ".schedule.table";
        };
        String until = " until then, periods without rows are reported unknown-season, not critical";
        Optional<SeasonCalendar.Season> latest = calendar.latest();
        if (latest.isEmpty()) {
            return List.of("no " + sport + " season is known, so no one can tell a bootstrap from an outage: set "
                    + seasons.key(plan.from().getYear() + "") + "=YYYY-MM-DD (the first game day)" + alternative + ";" + until);
        }
        if (plan.window().end().isBefore(calendar.seasons().get(0).start())) {
            SeasonCalendar.Season first = calendar.seasons().get(0);
            return List.of("the window " + plan.window().range() + " is before the earliest known " + sport + " season (" + first.label()
                    + ", from " + first.start() + "): set the first game day of its season in ops.sport." + sport + ".seasons;" + until);
        }
        SeasonCalendar.Season s = latest.get();
        return List.of("no known " + sport + " season covers " + plan.window().range() + ": the latest known, " + s.label()
                + ", started " + s.start() + " (" + s.origin() + ") and a next one was due by " + calendar.knownUntil().orElseThrow()
                + " (its start plus the longest interval between two known starts, " + calendar.cycleDays() + " days); set "
                + seasons.key(KnownSeasons.nextName(s)) + "=YYYY-MM-DD (its first game day)" + alternative + ";" + until);
    }
}
