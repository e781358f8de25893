package dev.propsops.staging;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The planner's verdict on one table: whether it is a candidate and why, what the run does to it, the
 * expiration it has and the one it would get, and what it costs a month.
 */
public record PlannedTable(TableMeta table, boolean candidate, String reason, Step step,
        Optional<Instant> currentExpiration, Optional<Instant> newExpiration, Map<String, String> labels,
        double monthlyCost) {
    public PlannedTable {
        labels = Map.copyOf(labels);
        if (step.mutates() && !candidate) {
            throw new IllegalArgumentException("only a candidate can be changed: " + table.fullName());
        }
        if ((step == Step.EXPIRE || step == Step.SET_EXPIRATION || step == Step.EXTEND_EXPIRATION) && newExpiration.isEmpty()) {
            throw new IllegalArgumentException(step.label() + " needs an expiration: " + table.fullName());
        }
    }

    public boolean mutates() {
        return step.mutates();
    }
}
