package dev.propsops.logs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.propsops.cli.Json;
import dev.propsops.logs.source.LogEntry;
import dev.propsops.logs.source.LogSeverity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Realistic Cloud Run log entries, as {@code gcloud logging read --format=json} prints them (the Logging
 * API's LogEntry in JSON: insertId, labels.instanceId, logName, receiveTimestamp, resource with its labels,
 * severity, textPayload or jsonPayload, timestamp).
 */
public final class LogFixtures {
    public static final String PROJECT = "nba-props-platform";
    public static final String HANDOFF_403 = "Failed to record metric: 403 Permission 'monitoring.timeSeries.create' denied on resource "
            + "'projects/nba-props-platform' (or it may not exist).";

    private final List<ObjectNode> entries = new ArrayList<>();
    private int serial;

    /** A textPayload entry of a service (stderr). */
    public ObjectNode text(Instant t, String service, String revision, String instance, String severity, String text) {
        ObjectNode e = base(t, service, revision, instance, severity, "stderr");
        e.put("textPayload", text);
        return add(e);
    }

    /** A jsonPayload entry (a one-line JSON log) with {@code message}. */
    public ObjectNode json(Instant t, String service, String revision, String instance, String severity, String message) {
        ObjectNode e = base(t, service, revision, instance, severity, "stdout");
        ObjectNode p = e.putObject("jsonPayload");
        p.put("message", message);
        p.put("logger", "predictions.worker");
        return add(e);
    }

    /** Each line of a multi-line write as its own entry, one microsecond apart, as Cloud Run splits stderr. */
    public List<ObjectNode> lines(Instant t, String service, String revision, String instance, String... lines) {
        List<ObjectNode> out = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            out.add(text(t.plusNanos(i * 1_000L), service, revision, instance, "ERROR", lines[i]));
        }
        return out;
    }

    public ObjectNode add(ObjectNode e) {
        entries.add(e);
        return e;
    }

    public List<ObjectNode> entries() {
        return entries;
    }

    private ObjectNode base(Instant t, String service, String revision, String instance, String severity, String log) {
        ObjectNode e = Json.object();
        e.put("insertId", String.format("%014x%010d", t.getEpochSecond(), ++serial));
        if (instance != null) {
            e.putObject("labels").put("instanceId", instance);
        }
        e.put("logName", "projects/" + PROJECT + "/logs/run.googleapis.com%2F" + log);
        e.put("receiveTimestamp", t.plusMillis(40).toString());
        ObjectNode r = e.putObject("resource");
        ObjectNode rl = r.putObject("labels");
        rl.put("configuration_name", service);
        rl.put("location", "us-west2");
        rl.put("project_id", PROJECT);
        rl.put("revision_name", revision);
        rl.put("service_name", service);
        r.put("type", "cloud_run_revision");
        e.put("severity", severity);
        e.put("timestamp", t.toString());
        return e;
    }

    /** As gcloud prints them: one JSON array, newest first (gcloud's default order), indented. */
    public Path writeArray(Path file, boolean newestFirst) {
        List<ObjectNode> list = new ArrayList<>(entries);
        list.sort(java.util.Comparator.comparing(LogFixtures::time));
        if (newestFirst) {
            java.util.Collections.reverse(list);
        }
        ArrayNode array = Json.array();
        list.forEach(array::add);
        try {
            return write(file, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(array));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant time(ObjectNode e) {
        try {
            return Instant.parse(e.path("timestamp").asText());
        } catch (java.time.format.DateTimeParseException x) {
            return Instant.EPOCH;
        }
    }

    /** JSON Lines, in the order added. */
    public Path writeLines(Path file) {
        StringBuilder sb = new StringBuilder();
        entries.forEach(e -> sb.append(e.toString()).append('\n'));
        return write(file, sb.toString());
    }

    public static Path write(Path file, String text) {
        try {
            return Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A {@link LogEntry} for tests below the sources. */
    public static LogEntry entry(long index, Instant t, String service, String revision, String instance, String message) {
        return new LogEntry(index, t, LogSeverity.ERROR, "id" + index, "cloud_run_revision", service, revision, instance, PROJECT,
                "us-west2", LogEntry.PayloadKind.TEXT, message);
    }
}
