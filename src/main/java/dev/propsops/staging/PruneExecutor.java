package dev.propsops.staging;

import dev.propsops.cli.ErrorExplainer;
import dev.propsops.cli.Invocation;
import dev.propsops.cli.Progress;
import dev.propsops.cli.StoreException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Carries out a confirmed plan, table by table, and says what became of each. Deletes re-read the table
 * first (skipped when it was modified, labelled to keep, or removed since the plan) and write their
 * restore manifest line, on disk, before the delete is sent. One failed table does not stop the others;
 * a manifest that cannot be written stops everything.
 */
public final class PruneExecutor {
    /** An expiration must still be this far in the future when it is sent, or it is refused. */
    static final Duration MIN_LEAD = Duration.ofMinutes(5);

    private final TableCatalog catalog;
    private final TableEditor editor;
    private final Supplier<RestoreManifest> manifest;
    private final Invocation invocation;

    /** {@code manifest} is opened on the first delete only. */
    public PruneExecutor(TableCatalog catalog, TableEditor editor, Supplier<RestoreManifest> manifest, Invocation invocation) {
        this.catalog = catalog;
        this.editor = editor;
        this.manifest = manifest;
        this.invocation = invocation;
    }

    /** Outcomes aligned with {@code plan.tables()}. The caller has checked the cap and the confirmation. */
    public List<Outcome> execute(PrunePlan plan) {
        if (plan.capped()) {
            throw new IllegalStateException("a capped plan is never executed");
        }
        List<PlannedTable> changes = plan.changes();
        Map<PlannedTable, Outcome> done = new IdentityHashMap<>();
        RestoreManifest open = null;
        try (Progress progress = Progress.start(invocation, "changing tables", "tables", changes.size())) {
            for (PlannedTable p : changes) {
                if (p.step() == Step.DELETE && open == null) {
                    open = manifest.get();
                }
                done.put(p, apply(p, open));
                progress.add(1);
            }
        } finally {
            if (open != null) {
                open.close();
            }
        }
        List<Outcome> outcomes = new ArrayList<>(plan.tables().size());
        for (PlannedTable p : plan.tables()) {
            outcomes.add(p.mutates() ? done.get(p) : Outcome.of(Outcome.Status.NONE));
        }
        return outcomes;
    }

    private Outcome apply(PlannedTable p, RestoreManifest manifest) {
        try {
            return p.step() == Step.DELETE ? delete(p, manifest) : setExpiration(p);
        } catch (StoreException e) {
            var x = ErrorExplainer.explain(e);
            invocation.log().failure(p.table().fullName() + ": " + x.message(), x.fix());
            return Outcome.of(Outcome.Status.FAILED, x.message() + x.fix().map(f -> " (fix: " + f + ")").orElse(""));
        }
    }

    private Outcome setExpiration(PlannedTable p) {
        Instant at = p.newExpiration().orElseThrow();
        Instant now = invocation.clock().instant();
        if (at.isBefore(now.plus(MIN_LEAD))) {
            // an expiration in the past (or a duration mistaken for a time) deletes the table at once
            return Outcome.of(Outcome.Status.FAILED, "refused: the expiration " + at + " is not safely in the future");
        }
        Optional<Map<String, String>> labels = Optional.empty();
        if (p.step() == Step.SET_EXPIRATION || p.step() == Step.EXTEND_EXPIRATION) {
            Map<String, String> l = new HashMap<>(p.labels());
            l.put(PruneRules.LIFECYCLE_LABEL, "true");
            labels = Optional.of(l);
        }
        editor.setExpiration(p.table(), at, labels);
        return Outcome.of(Outcome.Status.DONE, "expires " + at);
    }

    private Outcome delete(PlannedTable p, RestoreManifest manifest) {
        TableMeta t = p.table();
        TableDetails now = catalog.details(t);
        if (now.status() == TableDetails.Status.GONE) {
            return Outcome.of(Outcome.Status.SKIPPED, "already gone");
        }
        if (now.lastModified().isPresent() && !now.lastModified().get().equals(t.lastModified())) {
            return Outcome.of(Outcome.Status.SKIPPED, "modified since the plan (" + now.lastModified().get() + "): not deleted");
        }
        String keep = now.labels().get(PruneRules.KEEP_LABEL);
        if (keep != null && keep.trim().equalsIgnoreCase("true")) {
            return Outcome.of(Outcome.Status.SKIPPED, "labelled " + PruneRules.KEEP_LABEL + ": true since the plan: not deleted");
        }
        RestoreRecord record = new RestoreRecord(editor.project(), t, invocation.clock().instant());
        manifest.append(record.toJson());
        // Cloud Run's disk goes with the container: the log line is the copy that stays (Cloud Logging)
        invocation.log().progress("deleting " + record.qualifiedName() + "; restore: " + record.restoreCommand(), record.toJson());
        boolean deleted;
        try {
            deleted = editor.delete(t);
        } catch (StoreException e) {
            manifest.append(followUp(record, "delete_failed"));
            throw e;
        }
        if (!deleted) {
            manifest.append(followUp(record, "already_gone"));
            return Outcome.of(Outcome.Status.SKIPPED, "already gone");
        }
        return Outcome.of(Outcome.Status.DONE, "deleted; restore: " + record.restoreCommand());
    }

    /** A second line for a table whose delete did not happen: its first line must not be taken for a deletion. */
    private static com.fasterxml.jackson.databind.node.ObjectNode followUp(RestoreRecord record, String event) {
        var n = dev.propsops.cli.Json.object();
        n.put("event", event);
        n.put("table", record.qualifiedName());
        return n;
    }
}
