package dev.propsops.heartbeat.monitor;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.propsops.cli.DurationConverter;
import dev.propsops.cli.Json;
import dev.propsops.cli.Severity;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the monitor found: the collection's size against its bound, every processor's state, the health
 * score, the processors still writing legacy docs, and the findings with their severity.
 */
public record MonitorReport(String where, Instant checkedAt, long size, long maxDocs, List<ProcessorHealth> processors,
        OptionalInt score, int minScore, List<String> stillWritingLegacy, List<Finding> findings, long docsRead) {

    public record Finding(Severity severity, String message) {
    }

    public Severity worst() {
        return findings.stream().map(Finding::severity).reduce(Severity.ok, Severity::worst);
    }

    public void print(PrintWriter out) {
        out.printf("heartbeat-monitor: %s at %s%n", where, checkedAt.truncatedTo(ChronoUnit.SECONDS));
        out.printf(Locale.ROOT, "collection size %,d docs (bound %,d)%s%n", size, maxDocs, size > maxDocs ? "  << OVER THE BOUND" : "");
        out.printf("health score %s (minimum %d), from %d processors' canonical docs%n",
                score.isPresent() ? score.getAsInt() + "/100" : "n/a", minScore, processors.size());
        out.println();
        String row = "%-44s %-8s %-10s %-17s %9s %9s  %s%n";
        out.printf(row, "PROCESSOR", "STATE", "STATUS", "LAST BEAT", "AGE", "EXPECTED", "NOTES");
        for (ProcessorHealth p : processors) {
            out.printf(row, p.processor(), p.state().name(), p.status().orElse("-"),
                    p.lastBeat().map(b -> b.truncatedTo(ChronoUnit.MINUTES).toString().replace("T", " ").replace(":00Z", "Z")).orElse("-"),
                    p.age().map(MonitorReport::age).orElse("-"), DurationConverter.format(p.expectedInterval()), String.join("; ", p.notes()));
        }
        out.println();
        if (findings.isEmpty()) {
            out.println("no findings");
        }
        for (Finding f : findings) {
            out.printf("%-8s %s%n", f.severity().name().toUpperCase(Locale.ROOT), f.message());
        }
        out.printf(Locale.ROOT, "(%,d docs read)%n", docsRead);
        out.flush();
    }

    public ObjectNode toJson() {
        ObjectNode doc = Json.object();
        doc.put("where", where);
        doc.put("checked_at", checkedAt.toString());
        doc.put("collection_size", size);
        doc.put("max_docs", maxDocs);
        if (score.isPresent()) {
            doc.put("score", score.getAsInt());
        } else {
            doc.putNull("score");
        }
        doc.put("min_score", minScore);
        ArrayNode list = doc.putArray("processors");
        for (ProcessorHealth p : processors) {
            ObjectNode n = list.addObject();
            n.put("processor", p.processor());
            n.put("state", p.state().name());
            putOpt(n, "status", p.status().orElse(null));
            putOpt(n, "last_heartbeat", p.lastBeat().map(Instant::toString).orElse(null));
            if (p.age().isPresent()) {
                n.put("age_seconds", p.age().get().getSeconds());
                n.put("late_by_seconds", Math.max(0, p.lateBy().orElseThrow().getSeconds()));
            } else {
                n.putNull("age_seconds");
                n.putNull("late_by_seconds");
            }
            n.put("expected_interval_seconds", p.expectedInterval().getSeconds());
            ArrayNode notes = n.putArray("notes");
            p.notes().forEach(notes::add);
        }
        ArrayNode legacy = doc.putArray("still_writing_legacy");
        stillWritingLegacy.forEach(legacy::add);
        ArrayNode fs = doc.putArray("findings");
        for (Finding f : findings) {
            ObjectNode n = fs.addObject();
            n.put("severity", f.severity().name());
            n.put("message", f.message());
        }
        doc.put("worst", worst().name());
        doc.put("docs_read", docsRead);
        return doc;
    }

    private static void putOpt(ObjectNode n, String field, String value) {
        if (value == null) {
            n.putNull(field);
        } else {
            n.put(field, value);
        }
    }

    private static String age(Duration d) {
        long m = d.toMinutes();
        if (m < 0) {
            return "0m";
        }
        if (m < 120) {
            return m + "m";
        }
        if (m < 48 * 60) {
            return m / 60 + "h";
        }
        return m / (60 * 24) + "d";
    }

    /** The first legacy writer's name etc. for tests and the demo. */
    public Optional<ProcessorHealth> processor(String name) {
        return processors.stream().filter(p -> p.processor().equals(name)).findFirst();
    }
}
