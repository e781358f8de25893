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
import dev.propsops.drift.season.SeasonCalendar;
import dev.propsops.drift.stats.Measurements;
import dev.propsops.sport.Sport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The drift-check job: plans one query per table, lets the source look before it leaps (skips, byte
 * budget), runs the queries with progress, and judges the figures. The command around it only parses
 * options and renders.
 */
public final class DriftCheck {
    private final Invocation invocation;

    public DriftCheck(Invocation invocation) {
        this.invocation = invocation;
    }

    public DriftReport run(Sport sport, ConfiguredChecks configured, ComparisonPlan plan, SeasonCalendar calendar,
            FeatureStatsSource source) {
        List<String> notes = new ArrayList<>(seasonNotes(sport, plan, calendar));
        notes.forEach(n -> invocation.log().warn(n));
        List<StatsQuery> queries = configured.queries(plan);
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
                preflight.skipped(), notes);
    }

    /** A window past every configured season would call the next season's bootstrap an outage: say so. */
    static List<String> seasonNotes(Sport sport, ComparisonPlan plan, SeasonCalendar calendar) {
        return calendar.latest().filter(s -> plan.to().isAfter(s.start().plusYears(1).minusDays(1)))
                .map(s -> List.of("the latest " + sport + " season configured starts " + s.start() + " (" + s.label()
                        + "): add the next one to ops.sport." + sport + ".seasons, or its bootstrap will read as missing data"))
                .orElse(List.of());
    }
}
