package dev.propsops.audit.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.propsops.audit.AuditReport;
import dev.propsops.audit.CheckResult;
import dev.propsops.audit.Finding;
import dev.propsops.cli.Json;
import dev.propsops.cli.Rating;
import java.util.Map;

/** The JSON report (schema in the README's infra-audit section), through Jackson's tree model. */
public final class AuditJsonReport {
    private AuditJsonReport() {
    }

    public static ObjectNode toJson(AuditReport r) {
        ObjectNode doc = Json.object();
        doc.put("job", "infra-audit");
        put(doc, "project", r.project().orElse(null));
        put(doc, "project_number", r.projectNumber().orElse(null));
        doc.put("source", r.source());
        doc.put("region", r.region());
        doc.put("generated_at", r.generatedAt().toString());
        doc.put("since_seconds", r.since().toSeconds());
        ObjectNode summary = doc.putObject("summary");
        for (Rating rating : AuditReport.order()) {
            summary.put(rating.key(), r.counts().get(rating));
        }
        put(doc, "worst", r.worst().map(Rating::key).orElse(null));
        ArrayNode checks = doc.putArray("checks");
        for (CheckResult c : r.checks()) {
            ObjectNode n = checks.addObject();
            n.put("id", c.check());
            n.put("title", c.title());
            n.put("status", c.status().key());
            put(n, "source", c.ran() ? c.source() : null);
            put(n, "reason", c.reason().orElse(null));
            put(n, "fix", c.fix().orElse(null));
            n.put("findings", c.findings().size());
            ArrayNode problems = n.putArray("problems");
            c.problems().forEach(problems::add);
            ArrayNode notes = n.putArray("notes");
            c.notes().forEach(notes::add);
        }
        ArrayNode findings = doc.putArray("findings");
        for (Finding f : r.findings()) {
            ObjectNode n = findings.addObject();
            n.put("rating", f.rating().key());
            n.put("check", f.check());
            put(n, "resource", f.resource());
            n.put("title", f.title());
            ArrayNode evidence = n.putArray("evidence");
            f.evidence().forEach(evidence::add);
            put(n, "next_step", f.nextStep().orElse(null));
            ObjectNode facts = n.putObject("facts");
            for (Map.Entry<String, Object> e : f.facts().entrySet()) {
                Object v = e.getValue();
                if (v == null) {
                    facts.putNull(e.getKey());
                } else if (v instanceof Long l) {
                    facts.put(e.getKey(), l);
                } else if (v instanceof Integer i) {
                    facts.put(e.getKey(), i);
                } else if (v instanceof Double d) {
                    facts.put(e.getKey(), d);
                } else if (v instanceof Boolean b) {
                    facts.put(e.getKey(), b);
                } else {
                    facts.put(e.getKey(), v.toString());
                }
            }
        }
        return doc;
    }

    private static void put(ObjectNode n, String field, String value) {
        if (value == null) {
            n.putNull(field);
        } else {
            n.put(field, value);
        }
    }
}
