package dev.propsops.drift.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.propsops.cli.Json;
import dev.propsops.cli.Severity;
import dev.propsops.drift.check.Outcome;
import dev.propsops.drift.findings.Finding;
import dev.propsops.drift.findings.OutcomeComparison;
import dev.propsops.drift.plan.Period;
import dev.propsops.drift.query.Skipped;
import dev.propsops.drift.season.ScheduleRead;
import dev.propsops.drift.season.SeasonCalendar;
import java.util.Optional;
import java.util.OptionalDouble;

/** The JSON report, built node by node (no reflection); its schema is documented in the README. */
public final class DriftReportJson {
    private DriftReportJson() {
    }

    public static ObjectNode render(DriftReport r, Severity failOn, int exitCode) {
        ObjectNode doc = Json.object();
        doc.put("sport", r.sport().name());
        ObjectNode window = doc.putObject("window");
        window.put("from", r.plan().from().toString());
        window.put("to", r.plan().to().toString());
        doc.put("baseline", r.plan().baseline().toString());
        doc.put("source", r.source());
        if (r.bytesScanned().isPresent()) {
            doc.put("bytes_scanned_estimate", r.bytesScanned().getAsLong());
        } else {
            doc.putNull("bytes_scanned_estimate");
        }
        doc.put("worst_severity", r.worst().name());
        doc.put("fail_on", failOn.name());
        doc.put("exit_code", exitCode);
        ArrayNode periods = doc.putArray("periods");
        for (Period p : r.plan().periods()) {
            ObjectNode n = periods.addObject();
            n.put("label", p.label());
            n.put("from", p.start().toString());
            n.put("to", p.end().toString());
        }
        ArrayNode findings = doc.putArray("findings");
        for (Finding f : r.findings()) {
            ObjectNode n = findings.addObject();
            n.put("check", f.check());
            n.put("table", f.table().toString());
            if (f.feature().isPresent()) {
                n.put("feature", f.feature().get());
            } else {
                n.putNull("feature");
            }
            n.put("month", f.month().label());
            n.put("baseline_month", f.baseline().label());
            n.put("severity", f.status().label());
            ArrayNode reasons = n.putArray("reasons");
            f.reasons().forEach(reasons::add);
            n.put("rows", f.current().rows());
            n.put("baseline_rows", f.base().rows());
            n.put("game_days", f.current().gameDays());
            n.put("baseline_game_days", f.base().gameDays());
            put(n, "rows_per_day", f.current().gameDays() == 0 ? OptionalDouble.empty() : OptionalDouble.of(f.current().rowsPerDay()), 2);
            put(n, "baseline_rows_per_day", f.base().gameDays() == 0 ? OptionalDouble.empty() : OptionalDouble.of(f.base().rowsPerDay()), 2);
            put(n, "coverage", f.current().coverage(), 4);
            put(n, "baseline_coverage", f.base().coverage(), 4);
            put(n, "coverage_change_points", f.coverageChangePoints(), 2);
            put(n, "psi", f.psi(), 4);
            put(n, "median", f.current().median(), 6);
            put(n, "baseline_median", f.base().median(), 6);
            n.put("explanation", f.explanation());
        }
        ArrayNode outcomes = doc.putArray("outcomes");
        for (OutcomeComparison o : r.outcomes()) {
            ObjectNode n = outcomes.addObject();
            n.put("source", r.outcome().map(Outcome::describe).orElse(""));
            n.put("month", o.month().label());
            n.put("baseline_month", o.baseline().label());
            n.put("graded", o.current().graded());
            n.put("baseline_graded", o.base().graded());
            put(n, "hit_rate", o.current().hitRate().map(OptionalDouble::of).orElse(OptionalDouble.empty()), 4);
            put(n, "baseline_hit_rate", o.base().hitRate().map(OptionalDouble::of).orElse(OptionalDouble.empty()), 4);
            put(n, "change_points", o.changePoints().map(OptionalDouble::of).orElse(OptionalDouble.empty()), 2);
        }
        ArrayNode skipped = doc.putArray("skipped");
        for (Skipped s : r.skipped()) {
            ObjectNode n = skipped.addObject();
            n.put("check", s.check());
            n.put("table", s.table().toString());
            n.put("reason", s.reason());
        }
        ArrayNode seasons = doc.putArray("seasons");
        for (SeasonCalendar.Season s : r.seasons()) {
            ObjectNode n = seasons.addObject();
            n.put("label", s.label());
            n.put("start", s.start().toString());
            n.put("origin", s.origin().name());
            text(n, "schedule_start", s.scheduleStart().map(Object::toString));
        }
        text(doc, "seasons_known_until", r.calendar().knownUntil().map(Object::toString));
        ObjectNode schedule = doc.putObject("schedule");
        ScheduleRead read = r.schedule();
        text(schedule, "table", read.spec().map(s -> s.table().toString()));
        text(schedule, "filter", read.spec().flatMap(s -> s.filterColumn().map(c -> c + " = '" + s.filterValue().orElse("") + "'")));
        schedule.put("status", read.status().name());
        schedule.put("seasons_found", read.seasons().size());
        text(schedule, "error", read.problem());
        text(schedule, "fix", read.fix());
        ArrayNode notes = doc.putArray("notes");
        r.notes().forEach(notes::add);
        return doc;
    }

    private static void text(ObjectNode n, String field, Optional<String> value) {
        if (value.isPresent()) {
            n.put(field, value.get());
        } else {
            n.putNull(field);
        }
    }

    private static void put(ObjectNode n, String field, OptionalDouble value, int decimals) {
        if (value.isEmpty() || !Double.isFinite(value.getAsDouble())) {
            n.putNull(field);
        } else {
            n.put(field, new java.math.BigDecimal(value.getAsDouble()).setScale(decimals, java.math.RoundingMode.HALF_UP).doubleValue());
        }
    }
}
