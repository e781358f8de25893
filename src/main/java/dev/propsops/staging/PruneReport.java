package dev.propsops.staging;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Everything a run reports: where it read, its rules, the plan, and what became of each table. */
public record PruneReport(String sport, String source, Optional<String> project, PruneRules rules, PrunePlan plan,
        List<Outcome> outcomes, boolean executed, Optional<Path> manifest) {
    public PruneReport {
        outcomes = List.copyOf(outcomes);
        if (outcomes.size() != plan.tables().size()) {
            throw new IllegalArgumentException("one outcome per table");
        }
    }

    /** The outcomes of a run that changes nothing: planned, or capped when the plan is over the cap. */
    public static List<Outcome> notExecuted(PrunePlan plan) {
        List<Outcome> out = new ArrayList<>();
        Outcome.Status status = plan.capped() ? Outcome.Status.CAPPED : Outcome.Status.PLANNED;
        for (PlannedTable t : plan.tables()) {
            out.add(Outcome.of(t.mutates() ? status : Outcome.Status.NONE));
        }
        return out;
    }

    public long count(Outcome.Status status) {
        return outcomes.stream().filter(o -> o.status() == status).count();
    }

    public Totals totals() {
        long size = 0;
        long candidateSize = 0;
        double cost = 0;
        double saving = 0;
        for (int i = 0; i < plan.tables().size(); i++) {
            PlannedTable t = plan.tables().get(i);
            size += t.table().sizeBytes();
            cost += t.monthlyCost();
            if (t.candidate()) {
                candidateSize += t.table().sizeBytes();
            }
            if (removes(t, outcomes.get(i))) {
                saving += t.monthlyCost();
            }
        }
        return new Totals(plan.tables().size(), plan.candidates(), plan.changes().size(), count(Outcome.Status.DONE),
                count(Outcome.Status.SKIPPED), count(Outcome.Status.FAILED), size, candidateSize, cost, saving);
    }

    /**
     * Whether the table's storage goes away through this run: a report counts its candidates (what pruning
     * them would save); the other actions count the tables they delete or give an expiration, once done
     * (or planned, in a dry run).
     */
    private boolean removes(PlannedTable t, Outcome o) {
        if (rules.action() == PruneAction.report) {
            return t.candidate();
        }
        boolean removing = t.step() == Step.DELETE || t.step() == Step.EXPIRE || t.step() == Step.SET_EXPIRATION;
        return removing && (executed ? o.status() == Outcome.Status.DONE : !plan.capped());
    }

    public record Totals(long tables, long candidates, long changes, long done, long skipped, long failed, long sizeBytes,
            long candidateSizeBytes, double monthlyCost, double savingPerMonth) {
    }
}
