package dev.propsops.drift.report;

import dev.propsops.cli.Severity;
import dev.propsops.drift.check.Outcome;
import dev.propsops.drift.findings.Finding;
import dev.propsops.drift.findings.FindingStatus;
import dev.propsops.drift.findings.OutcomeComparison;
import dev.propsops.drift.plan.ComparisonPlan;
import dev.propsops.drift.plan.Period;
import dev.propsops.drift.query.Skipped;
import dev.propsops.drift.season.ScheduleRead;
import dev.propsops.drift.season.SeasonCalendar;
import dev.propsops.sport.Sport;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Everything one drift-check run found, ready to render. */
public record DriftReport(Sport sport, ComparisonPlan plan, String source, OptionalLong bytesScanned, List<Finding> findings,
        Optional<Outcome> outcome, List<OutcomeComparison> outcomes, List<Skipped> skipped, SeasonCalendar calendar,
        ScheduleRead schedule, List<String> notes) {
    public DriftReport {
        findings = List.copyOf(findings);
        outcomes = List.copyOf(outcomes);
        skipped = List.copyOf(skipped);
        notes = List.copyOf(notes);
    }

    /** The worst severity of any finding; bootstrap and no-baseline count as ok. */
    public Severity worst() {
        return findings.stream().map(f -> f.status().severity()).reduce(Severity.ok, Severity::worst);
    }

    /** The known seasons the window and its baselines fall in, earliest first. */
    public List<SeasonCalendar.Season> seasons() {
        LocalDate first = plan.periods().stream().map(Period::start).min(LocalDate::compareTo).orElse(plan.from());
        return calendar.around(first, plan.to());
    }

    public long count(FindingStatus status) {
        return findings.stream().filter(f -> f.status() == status).count();
    }
}
