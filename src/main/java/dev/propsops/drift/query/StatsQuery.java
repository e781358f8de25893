package dev.propsops.drift.query;

import dev.propsops.drift.check.Check;
import dev.propsops.drift.check.Feature;
import dev.propsops.drift.check.Outcome;
import dev.propsops.drift.check.TableRef;
import dev.propsops.drift.plan.ComparisonPlan;
import java.util.List;
import java.util.Optional;

/**
 * One aggregate query: a table, measured over every period of the plan at once, for the features of a
 * check and/or the outcome (when both live in the same table, one query serves both).
 */
public record StatsQuery(TableRef table, String dateColumn, Optional<Check> check, Optional<Outcome> outcome,
        ComparisonPlan plan) {

    public List<Feature> features() {
        return check.map(Check::features).orElse(List.of());
    }

    /** What the report calls this query: the check name, or "outcome". */
    public String name() {
        return check.map(Check::name).orElse("outcome");
    }

    /** The queries for a sport's checks and outcome; the outcome joins a check on the same table and date. */
    public static List<StatsQuery> plan(List<Check> checks, Optional<Outcome> outcome, ComparisonPlan plan) {
        java.util.ArrayList<StatsQuery> queries = new java.util.ArrayList<>();
        boolean outcomePlaced = false;
        for (Check c : checks) {
            // the check's array-length filter would drop outcome rows too: only merge into unfiltered checks
            boolean joins = !outcomePlaced && outcome.isPresent() && outcome.get().table().equals(c.table())
                    && outcome.get().dateColumn().equals(c.dateColumn()) && c.arrayColumn().isEmpty();
            queries.add(new StatsQuery(c.table(), c.dateColumn(), Optional.of(c), joins ? outcome : Optional.empty(), plan));
            outcomePlaced |= joins;
        }
        if (outcome.isPresent() && !outcomePlaced) {
            queries.add(new StatsQuery(outcome.get().table(), outcome.get().dateColumn(), Optional.empty(), outcome, plan));
        }
        return List.copyOf(queries);
    }
}
