package dev.propsops.staging;

import dev.propsops.cli.DurationConverter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Decides, table by table, whether it is a candidate and what the run does to it. Plain logic: the catalog
 * reads are done by the caller, which asks {@link #needsDetails} before fetching labels and expiration.
 *
 * <p>A candidate is a base table (never a view or an external table) whose name is a staging name, that
 * no protect pattern matches, that is not labelled {@code props-ops-keep: true}, and (except for
 * {@code lifecycle}, whose rule is itself about age) that is unmodified for longer than --older-than.
 */
public final class PrunePlanner {
    private final PruneRules rules;

    public PrunePlanner(PruneRules rules) {
        this.rules = rules;
    }

    public PruneRules rules() {
        return rules;
    }

    /** True when the table's fate hangs on its labels and expiration, so that they must be read. */
    public boolean needsDetails(TableMeta t) {
        return screen(t).isEmpty();
    }

    /** The verdict on a table for which {@link #needsDetails} was false. */
    public PlannedTable plan(TableMeta t) {
        return screen(t).orElseThrow(() -> new IllegalStateException(t.fullName() + " needs its details to be planned"));
    }

    /** The verdict on a table whose labels and expiration were read (or are unknown, from an inventory file). */
    public PlannedTable plan(TableMeta t, TableDetails details) {
        Optional<PlannedTable> screened = screen(t);
        if (screened.isPresent()) {
            return screened.get();
        }
        if (details.status() == TableDetails.Status.GONE) {
            return notCandidate(t, "deleted since the listing", details);
        }
        String keep = details.labels().get(PruneRules.KEEP_LABEL);
        if (keep != null && keep.trim().equalsIgnoreCase("true")) {
            return notCandidate(t, "labelled " + PruneRules.KEEP_LABEL + ": true", details);
        }
        String why = candidateReason(t) + (details.isKnown() ? "" : "; labels and expiration not checked (inventory file)");
        return switch (rules.action()) {
            case report -> candidate(t, why, Step.REPORT, details, Optional.empty());
            case delete -> candidate(t, why, Step.DELETE, details, Optional.empty());
            case expire -> expire(t, why, details);
            case lifecycle -> lifecycle(t, why, details);
        };
    }

    /** A table whose labels could not be read is never changed. */
    public PlannedTable unreadable(TableMeta t, String error) {
        return notCandidate(t, "its labels could not be read, so it is left alone: " + error, TableDetails.unknown());
    }

    /** Plans a whole listing, reading details through {@code lookup} only for the tables that need them. */
    public List<PlannedTable> planAll(List<TableMeta> tables, java.util.function.Function<TableMeta, TableDetails> lookup) {
        List<PlannedTable> out = new ArrayList<>(tables.size());
        for (TableMeta t : tables) {
            out.add(needsDetails(t) ? plan(t, lookup.apply(t)) : plan(t));
        }
        return out;
    }

    /** The verdicts that need no per-table read; empty when the table is a candidate so far. */
    private Optional<PlannedTable> screen(TableMeta t) {
        switch (t.type()) {
            case VIEW:
                return Optional.of(notCandidate(t, "a view: never pruned", null));
            case EXTERNAL:
                return Optional.of(notCandidate(t, "an external table: never pruned", null));
            case OTHER:
                return Optional.of(notCandidate(t, "table type " + t.typeCode() + " is not a base table: never pruned", null));
            default:
                break;
        }
        if (!rules.names().isStaging(t.table())) {
            return Optional.of(notCandidate(t, "not a staging name", null));
        }
        Optional<String> protectedBy = rules.names().protectedBy(t.dataset(), t.table());
        if (protectedBy.isPresent()) {
            return Optional.of(notCandidate(t, "protected by pattern '" + protectedBy.get() + "'", null));
        }
        if (rules.action() != PruneAction.lifecycle && t.age(rules.now()).compareTo(rules.olderThan()) <= 0) {
            return Optional.of(notCandidate(t, "staging name, but modified " + days(t) + " ago (not older than "
                    + DurationConverter.format(rules.olderThan()) + ")", null));
        }
        return Optional.empty();
    }

    private String candidateReason(TableMeta t) {
        if (rules.action() == PruneAction.lifecycle) {
            return "staging name; lifecycle: expires " + DurationConverter.format(rules.lifecycleAfter())
                    + " after its last modification";
        }
        return "staging name, unmodified for " + days(t) + " (older than " + DurationConverter.format(rules.olderThan()) + ")";
    }

    private PlannedTable expire(TableMeta t, String why, TableDetails d) {
        Instant at = rules.graceEnd();
        Optional<Instant> current = d.expiration();
        if (current.isPresent() && !current.get().isAfter(at)) {
            return candidate(t, why + "; already expires " + current.get() + ", within the grace", Step.NONE, d, Optional.empty());
        }
        return candidate(t, why, Step.EXPIRE, d, Optional.of(at));
    }

    private PlannedTable lifecycle(TableMeta t, String why, TableDetails d) {
        Instant due = t.lastModified().plus(rules.lifecycleAfter());
        // an expiration in the past deletes the table at once: never earlier than --grace from now
        Instant at = due.isBefore(rules.graceEnd()) ? rules.graceEnd() : due;
        Optional<Instant> current = d.expiration();
        if (current.isEmpty()) {
            String clamp = at.equals(due) ? "" : "; its due date " + due + " is past or near, so it gets the grace";
            return candidate(t, why + clamp, Step.SET_EXPIRATION, d, Optional.of(at));
        }
        boolean ours = d.labels().containsKey(PruneRules.LIFECYCLE_LABEL);
        // extend only when the table was modified after the expiration was set (due moved past it); extending
        // by the grace clamp alone would postpone a stale table forever
        if (ours && due.isAfter(current.get())) {
            return candidate(t, why + "; modified since its expiration was set, so it is pushed out", Step.EXTEND_EXPIRATION,
                    d, Optional.of(at));
        }
        return candidate(t, why + "; already expires " + current.get() + (ours ? "" : " (set by someone else: left alone)"),
                Step.NONE, d, Optional.empty());
    }

    private PlannedTable candidate(TableMeta t, String reason, Step step, TableDetails d, Optional<Instant> newExpiration) {
        return new PlannedTable(t, true, reason, step, d.expiration(), newExpiration, d.labels(), cost(t));
    }

    private PlannedTable notCandidate(TableMeta t, String reason, TableDetails d) {
        return new PlannedTable(t, false, reason, Step.NONE, d == null ? Optional.empty() : d.expiration(), Optional.empty(),
                d == null ? Map.of() : d.labels(), cost(t));
    }

    private double cost(TableMeta t) {
        return rules.cost().monthly(t, rules.now());
    }

    private String days(TableMeta t) {
        long hours = t.age(rules.now()).toHours();
        return hours >= 48 ? hours / 24 + "d" : String.format(Locale.ROOT, "%dh", hours);
    }
}
