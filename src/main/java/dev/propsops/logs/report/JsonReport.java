package dev.propsops.logs.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.propsops.cli.Json;
import dev.propsops.logs.findings.Finding;
import dev.propsops.logs.source.Malformed;
import dev.propsops.logs.source.ReadResult;
import dev.propsops.logs.source.Window;
import dev.propsops.logs.triage.Occurrences;
import dev.propsops.logs.triage.Pattern;
import dev.propsops.logs.triage.Triage;
import dev.propsops.logs.triage.TriageResult;
import java.time.Instant;
import java.util.Optional;

/** The JSON report: one document, its schema in the README (section log-triage). */
public final class JsonReport {
    private JsonReport() {
    }

    public static ObjectNode toJson(TriageReport r) {
        TriageResult res = r.result();
        ObjectNode root = Json.object();
        root.put("job", "log-triage");
        root.put("source", r.source());
        putOrNull(root, "project", r.project());
        putOrNull(root, "filter", r.filter());
        root.put("min_severity", r.minSeverity());
        ArrayNode services = root.putArray("services_asked");
        r.services().stream().sorted().forEach(services::add);
        root.set("window", window(r.window()));
        ObjectNode baseline = root.putObject("baseline");
        baseline.put("mode", r.baselineMode());
        baseline.set("window", window(res.baseline()));
        baseline.put("read", r.baselineRead());
        putOpt(baseline, "note", r.baselineNote());
        baseline.put("entries", res.baselineEntries());
        baseline.put("events", res.baselineEvents());
        r.baseline().ifPresent(b -> baseline.set("result", read(b)));

        ObjectNode read = root.putObject("read");
        read.setAll(read(r.current()));
        read.put("max_entries", r.maxEntries());
        read.put("entries_in_window", res.currentEntries());
        read.put("events", res.currentEvents());
        ObjectNode malformed = read.putObject("malformed");
        malformed.put("total", res.malformedTotal());
        for (Malformed m : Malformed.values()) {
            malformed.put(m.key(), res.malformed().getOrDefault(m, 0L));
        }
        ObjectNode skipped = read.putObject("skipped");
        for (Triage.Skip s : Triage.Skip.values()) {
            skipped.put(s.name().toLowerCase(java.util.Locale.ROOT), res.skipped().getOrDefault(s, 0L));
        }

        ObjectNode summary = root.putObject("summary");
        summary.put("no_errors", r.noErrors());
        summary.put("truncated", r.truncated());
        summary.put("read_failed", r.current().failed());
        if (r.worst().isPresent()) {
            summary.put("worst", r.worst().get().key());
        } else {
            summary.putNull("worst");
        }
        ObjectNode byRating = summary.putObject("findings");
        for (Finding f : r.findings()) {
            byRating.put(f.rating().key(), byRating.path(f.rating().key()).asLong(0) + 1);
        }
        summary.put("accounts_from", r.accounts());

        ArrayNode findings = root.putArray("findings");
        r.findings().forEach(f -> findings.add(finding(f)));

        ArrayNode patterns = root.putArray("services");
        for (String service : res.patterns().keySet()) {
            if (r.patternsSeen(service) == 0) {
                continue;
            }
            ObjectNode s = patterns.addObject();
            s.put("service", service);
            s.put("events", r.eventsOf(service));
            s.put("patterns", r.patternsSeen(service));
            ArrayNode top = s.putArray("top");
            for (Pattern p : r.top(service)) {
                top.add(pattern(r, p));
            }
        }
        if (r.assignments().isPresent()) {
            ObjectNode a = root.putObject("assignments");
            a.put("file", r.assignments().get());
            a.put("lines", r.assignmentsWritten());
        } else {
            root.putNull("assignments");
        }
        return root;
    }

    private static ObjectNode finding(Finding f) {
        ObjectNode o = Json.object();
        o.put("rating", f.rating().key());
        o.put("rule", f.rule().key());
        o.put("service", f.service());
        o.put("count", f.count());
        putTime(o, "first_seen", f.first().orElse(null));
        putTime(o, "last_seen", f.last().orElse(null));
        o.put("sample_insert_id", f.sampleInsertId());
        o.put("sample", f.sample());
        o.put("summary", f.summary());
        o.put("fix", f.fix());
        f.revision().ifPresent(v -> o.put("revision", v));
        if (f.rule() == dev.propsops.logs.findings.Rule.PERMISSION_DENIED) {
            putOrNull(o, "permission", f.permission());
            putOrNull(o, "resource", f.resource());
            putOrNull(o, "role", f.role());
            putOrNull(o, "service_account", f.serviceAccount());
            putOrNull(o, "command", f.command());
        }
        if (!f.patternIds().isEmpty()) {
            ArrayNode ids = o.putArray("pattern_ids");
            f.patternIds().forEach(ids::add);
        }
        f.template().ifPresent(v -> o.put("template", v));
        f.baselineCount().ifPresent(v -> o.put("baseline_count", v));
        f.patterns().ifPresent(v -> o.put("patterns", v));
        return o;
    }

    private static ObjectNode pattern(TriageReport r, Pattern p) {
        Occurrences seen = p.seen();
        ObjectNode o = Json.object();
        o.put("pattern_id", p.id());
        o.put("template", p.template());
        o.put("traceback", p.traceback());
        p.tracebackKey().ifPresent(k -> o.put("traceback_group", k));
        o.put("count", seen.count());
        o.put("entries", seen.entries());
        Optional<Double> rate = r.ratePerHour(seen);
        if (rate.isPresent()) {
            o.put("rate_per_hour", Math.round(rate.get() * 100) / 100.0);
        } else {
            o.putNull("rate_per_hour");
        }
        o.put("baseline_count", seen.baseline());
        putOrNull(o, "trend", r.trend(seen));
        Optional<Double> change = r.change(seen);
        if (change.isPresent()) {
            o.put("change", Math.round(change.get() * 100) / 100.0);
        } else {
            o.putNull("change");
        }
        putTime(o, "first_seen", seen.first());
        putTime(o, "last_seen", seen.last());
        o.put("sample", seen.sample());
        o.put("sample_insert_id", seen.sampleInsertId());
        return o;
    }

    private static ObjectNode read(ReadResult r) {
        ObjectNode o = Json.object();
        o.put("entries", r.entries());
        o.put("requests", r.requests());
        o.put("truncated", r.truncated());
        if (r.failure().isPresent()) {
            o.put("error", dev.propsops.cli.ErrorExplainer.explain(r.failure().get()).message());
        } else {
            o.putNull("error");
        }
        return o;
    }

    private static ObjectNode window(Optional<Window> w) {
        ObjectNode o = Json.object();
        if (w.isEmpty()) {
            o.putNull("from");
            o.putNull("to");
            o.putNull("hours");
            return o;
        }
        o.put("from", w.get().from().toString());
        o.put("to", w.get().to().toString());
        o.put("hours", Math.round(w.get().hours() * 1000) / 1000.0);
        return o;
    }

    private static void putTime(ObjectNode o, String field, Instant t) {
        if (t == null) {
            o.putNull(field);
        } else {
            o.put(field, t.toString());
        }
    }

    private static void putOpt(ObjectNode o, String field, Optional<String> v) {
        v.ifPresent(x -> o.put(field, x));
    }

    private static void putOrNull(ObjectNode o, String field, Optional<String> v) {
        if (v.isPresent()) {
            o.put(field, v.get());
        } else {
            o.putNull(field);
        }
    }
}
