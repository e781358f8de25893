package dev.propsops.heartbeat.cleanup;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.propsops.cli.DurationConverter;
import dev.propsops.cli.Json;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The cleanup's report: the plan (per processor and totals), the safety findings, and what an executed
 * run did. Text for people, one JSON document for machines (schema in the README).
 *
 * @param result empty for a dry run or a run stopped by --max-deletes
 */
public record CleanupReport(String where, CleanupPlan plan, boolean execute, long maxDeletes, String rate,
        Optional<CleanupResult> result) {

    public boolean stoppedByMaxDeletes() {
        return plan.toDelete() > maxDeletes;
    }

    public void printPlan(PrintWriter out) {
        CleanupPolicy policy = plan.policy();
        boolean streamed = result.map(CleanupResult::streamed).orElse(false);
        out.printf("heartbeat-cleanup %s: %s%s%n", streamed ? "plan, made in the same pass as the deletes (--yes, and the "
                + "collection is within --max-deletes)" : execute ? "plan" : "dry run (nothing is changed; add --execute to act)",
                where, plan.shard().sharded() ? " [" + plan.shard() + ": deletes its share, plans on the whole collection]" : "");
        out.printf("rules: keep legacy docs written in the last %s, retire processors silent for %s, cap %,d deletes%n",
                DurationConverter.format(policy.minAge()), DurationConverter.format(policy.retireAfter()), maxDeletes);
        out.println();
        String row = "%-44s %-9s %8s %8s %9s  %-17s %-17s  %s%n";
        out.printf(row, "PROCESSOR", "CANONICAL", "LEGACY", "DELETE", "IN-FLIGHT", "OLDEST LEGACY", "NEWEST LEGACY", "ACTION");
        for (ProcessorPlan p : plan.processors().values()) {
            out.printf(row, p.processor(), p.canonicalPresent() ? "yes" : "no", count(p.legacyDocs()), count(p.toDelete()),
                    count(p.legacyRecent()), time(p.oldestLegacyBeat()), time(p.newestLegacyBeat()),
                    p.describe() + (p.stillWritingLegacy() ? "  << STILL WRITING LEGACY DOCS" : ""));
        }
        out.println();
        out.printf("scanned %s docs: %s canonical, %s legacy, %s foreign (never modified), %s malformed%n",
                count(plan.scanned()), count(plan.canonical()), count(plan.legacy()), count(plan.foreign()), count(plan.malformed()));
        out.printf("to delete %s, to keep %s, canonical docs to create from legacy %d, processors to retire %d%n",
                count(plan.toDelete()), count(plan.toKeep()), plan.toMigrate().size(), retired());
        if (stoppedByMaxDeletes()) {
            out.printf("%nSTOPPED: the plan deletes %s docs, over --max-deletes %s; nothing was deleted. Check the plan, "
                    + "then raise --max-deletes.%n", count(plan.toDelete()), count(maxDeletes));
        }
        printDeployFix(out);
        out.flush();
    }

    public void printResult(PrintWriter out) {
        result.ifPresent(r -> {
            out.println();
            out.printf(Locale.ROOT, "done in %.1fs: deleted %s docs (%,.0f docs/s), %s skipped because they changed since the scan%n",
                    r.elapsed().toMillis() / 1000.0, count(r.deleted()), r.docsPerSecond(), count(r.skipped()));
            Migrations m = r.migrations();
            if (!m.created().isEmpty()) {
                out.println("canonical docs created from the newest legacy doc: " + String.join(", ", m.created()));
            }
            if (!m.alreadyThere().isEmpty()) {
                out.println("canonical docs already there when the run came to create them: " + String.join(", ", m.alreadyThere()));
            }
            m.failed().forEach((p, why) -> out.println("NOT MIGRATED, its legacy docs kept: " + p + ": " + why));
            printDeployFix(out);
        });
        out.flush();
    }

    private void printDeployFix(PrintWriter out) {
        List<String> names = plan.stillWritingLegacy();
        if (!names.isEmpty()) {
            out.printf("%n!! deploy the heartbeat fix to %s: %s per-run legacy docs (newest under 24 hours old), "
                    + "which will grow the collection again.%n", String.join(", ", names),
                    names.size() == 1 ? "it still writes" : "they still write");
        }
    }

    public ObjectNode toJson() {
        ObjectNode doc = Json.object();
        doc.put("where", where);
        doc.put("mode", execute ? "execute" : "dry-run");
        ObjectNode task = doc.putObject("task");
        task.put("index", plan.shard().index());
        task.put("count", plan.shard().count());
        ObjectNode rules = doc.putObject("rules");
        rules.put("now", plan.policy().now().toString());
        rules.put("min_age_seconds", plan.policy().minAge().getSeconds());
        rules.put("retire_after_seconds", plan.policy().retireAfter().getSeconds());
        rules.put("max_deletes", maxDeletes);
        rules.put("rate_limit", rate);
        ObjectNode totals = doc.putObject("totals");
        totals.put("scanned", plan.scanned());
        totals.put("canonical", plan.canonical());
        totals.put("legacy", plan.legacy());
        totals.put("foreign", plan.foreign());
        totals.put("malformed", plan.malformed());
        totals.put("to_delete", plan.toDelete());
        totals.put("to_keep", plan.toKeep());
        totals.put("to_migrate", plan.toMigrate().size());
        totals.put("to_retire", retired());
        ArrayNode processors = doc.putArray("processors");
        for (ProcessorPlan p : plan.processors().values()) {
            ObjectNode n = processors.addObject();
            n.put("processor", p.processor());
            n.put("action", p.action().name().toLowerCase(Locale.ROOT));
            n.put("plan", p.describe());
            n.put("canonical_present", p.canonicalPresent());
            n.put("legacy_docs", p.legacyDocs());
            n.put("to_delete", p.toDelete());
            n.put("legacy_in_flight", p.legacyRecent());
            putTime(n, "oldest_legacy_heartbeat", p.oldestLegacyBeat());
            putTime(n, "newest_legacy_heartbeat", p.newestLegacyBeat());
            n.put("still_writing_legacy", p.stillWritingLegacy());
        }
        ArrayNode deploy = doc.putArray("deploy_fix_to");
        plan.stillWritingLegacy().forEach(deploy::add);
        doc.put("stopped_by_max_deletes", stoppedByMaxDeletes());
        if (result.isPresent()) {
            CleanupResult r = result.get();
            ObjectNode res = doc.putObject("result");
            res.put("deleted", r.deleted());
            res.put("streamed", r.streamed());
            res.put("skipped_changed_since_scan", r.skipped());
            res.put("seconds", r.elapsed().toMillis() / 1000.0);
            res.put("docs_per_second", Math.round(r.docsPerSecond()));
            ArrayNode created = res.putArray("canonical_created");
            r.migrations().created().forEach(created::add);
            ArrayNode found = res.putArray("canonical_already_there");
            r.migrations().alreadyThere().forEach(found::add);
            ObjectNode failed = res.putObject("migration_failed");
            r.migrations().failed().forEach(failed::put);
        } else {
            doc.putNull("result");
        }
        return doc;
    }

    private long retired() {
        return plan.processors().values().stream().filter(p -> p.action() == ProcessorPlan.Action.RETIRE).count();
    }

    private static void putTime(ObjectNode n, String field, Optional<Instant> t) {
        if (t.isPresent()) {
            n.put(field, t.get().truncatedTo(ChronoUnit.SECONDS).toString());
        } else {
            n.putNull(field);
        }
    }

    private static String time(Optional<Instant> t) {
        return t.map(i -> i.truncatedTo(ChronoUnit.MINUTES).toString().replace("T", " ").replace(":00Z", "Z")).orElse("-");
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
