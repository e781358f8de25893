package dev.propsops.staging;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.propsops.cli.DurationConverter;
import dev.propsops.cli.Json;
import java.time.Instant;
import java.util.Optional;

/** {@code --output json}: one document, built with the tree model; its schema is in the README. */
public final class PruneJsonReport {
    private PruneJsonReport() {
    }

    public static ObjectNode toJson(PruneReport r) {
        ObjectNode doc = Json.object();
        doc.put("job", "staging-prune");
        doc.put("sport", r.sport());
        doc.put("source", r.source());
        putOptional(doc, "project", r.project());
        doc.put("action", r.rules().action().name());
        doc.put("executed", r.executed());
        doc.put("capped", r.plan().capped());
        doc.put("max_tables", r.plan().maxTables());
        doc.put("generated_at", r.rules().now().toString());
        putOptional(doc, "manifest", r.manifest().map(Object::toString));

        ObjectNode settings = doc.putObject("settings");
        settings.put("pattern", r.rules().names().stagingPattern());
        ArrayNode protect = settings.putArray("protect_patterns");
        r.rules().names().protectPatterns().forEach(protect::add);
        settings.put("older_than", DurationConverter.format(r.rules().olderThan()));
        settings.put("grace", DurationConverter.format(r.rules().grace()));
        settings.put("lifecycle_after", DurationConverter.format(r.rules().lifecycleAfter()));
        settings.put("price_active_gib_month", r.rules().cost().activePerGibMonth());
        settings.put("price_long_term_gib_month", r.rules().cost().longTermPerGibMonth());

        ArrayNode datasets = doc.putArray("datasets");
        for (DatasetResult d : r.plan().datasets()) {
            ObjectNode n = datasets.addObject();
            n.put("dataset", d.dataset());
            n.put("status", d.status().label());
            n.put("tables", d.tables());
            putOptional(n, "error", d.error());
            putOptional(n, "fix", d.fix());
        }

        // a report of nothing read must not look like a clean one to a machine either
        doc.put("datasets_failed", r.plan().datasets().stream().filter(d -> d.status() == DatasetResult.Status.FAILED).count());
        ArrayNode tables = doc.putArray("tables");
        for (int i = 0; i < r.plan().tables().size(); i++) {
            PlannedTable p = r.plan().tables().get(i);
            Outcome o = r.outcomes().get(i);
            TableMeta t = p.table();
            ObjectNode n = tables.addObject();
            n.put("dataset", t.dataset());
            n.put("table", t.table());
            n.put("type", t.typeLabel());
            n.put("creation_time", t.created().toString());
            n.put("last_modified", t.lastModified().toString());
            n.put("age_days", t.age(r.rules().now()).toDays());
            n.put("size_bytes", t.sizeBytes());
            n.put("rows", t.rows());
            n.put("monthly_cost_usd", round(p.monthlyCost()));
            n.put("candidate", p.candidate());
            n.put("reason", p.reason());
            n.put("action", p.step().label());
            n.put("status", o.status().label());
            putOptional(n, "detail", o.detail());
            putOptional(n, "expiration", p.currentExpiration().map(Instant::toString));
            putOptional(n, "new_expiration", p.newExpiration().map(Instant::toString));
        }

        PruneReport.Totals s = r.totals();
        ObjectNode totals = doc.putObject("totals");
        totals.put("tables", s.tables());
        totals.put("candidates", s.candidates());
        totals.put("changes", s.changes());
        totals.put("done", s.done());
        totals.put("skipped", s.skipped());
        totals.put("failed", s.failed());
        totals.put("size_bytes", s.sizeBytes());
        totals.put("candidate_size_bytes", s.candidateSizeBytes());
        totals.put("monthly_cost_usd", round(s.monthlyCost()));
        totals.put("saving_usd_per_month", round(s.savingPerMonth()));
        return doc;
    }

    private static double round(double usd) {
        return Math.round(usd * 10_000) / 10_000.0;
    }

    private static void putOptional(ObjectNode n, String field, Optional<String> value) {
        if (value.isPresent()) {
            n.put(field, value.get());
        } else {
            n.putNull(field);
        }
    }
}
