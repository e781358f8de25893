package dev.propsops.logs.source.file;

import com.fasterxml.jackson.databind.JsonNode;
import dev.propsops.logs.source.LogEntry;
import dev.propsops.logs.source.LogSeverity;
import dev.propsops.logs.source.Malformed;
import java.time.Instant;

/**
 * One entry of {@code gcloud logging read --format=json} (the LogEntry of the Logging API v2 in its JSON
 * form) as a {@link LogEntry}, or why it is malformed.
 *
 * <p>Message: {@code jsonPayload.message}, else {@code jsonPayload.msg}, else {@code textPayload}, else
 * {@code protoPayload.status.message}; a request log with none of them but an {@code httpRequest} reads
 * {@code HTTP 500 GET /path}. Service: {@code resource.labels.service_name}, else {@code job_name}, else
 * another name label of the resource, else {@code (resource type)}. Revision: {@code revision_name}, or
 * for a job its execution. Instance: {@code labels.instanceId}, or for a job its execution, task and attempt.
 */
public final class EntryJson {
    private EntryJson() {
    }

    /** The entry, or a {@link Malformed} reason. */
    public static Object parse(JsonNode node, long index) {
        if (!node.isObject()) {
            return Malformed.NOT_AN_OBJECT;
        }
        JsonNode ts = node.get("timestamp");
        Instant timestamp = ts != null && ts.isTextual() ? Rfc3339.parse(ts.textValue()) : null;
        if (timestamp == null) {
            return Malformed.NO_TIMESTAMP;
        }
        String message;
        LogEntry.PayloadKind kind;
        JsonNode json = node.get("jsonPayload");
        JsonNode text = node.get("textPayload");
        JsonNode proto = node.get("protoPayload");
        JsonNode http = node.get("httpRequest");
        if (json != null) {
            if (!json.isObject()) {
                return Malformed.UNKNOWN_PAYLOAD;
            }
            JsonNode m = json.get("message");
            if (m == null || m.isNull()) {
                m = json.get("msg");
            }
            message = m == null || m.isNull() ? "" : m.isTextual() ? m.textValue() : m.toString();
            kind = LogEntry.PayloadKind.JSON;
        } else if (text != null) {
            if (!text.isTextual()) {
                return Malformed.UNKNOWN_PAYLOAD;
            }
            message = text.textValue();
            kind = LogEntry.PayloadKind.TEXT;
        } else if (proto != null) {
            if (!proto.isObject()) {
                return Malformed.UNKNOWN_PAYLOAD;
            }
            JsonNode status = proto.path("status").path("message");
            if (status.isMissingNode() && !proto.path("@type").asText("").endsWith(AUDIT_LOG)) {
                return Malformed.UNKNOWN_PAYLOAD;
            }
            message = status.asText("");
            kind = LogEntry.PayloadKind.PROTO;
        } else if (http != null && http.isObject()) {
            message = request(http.path("status").asText(""), http.path("requestMethod").asText(""), http.path("requestUrl").asText(""));
            kind = LogEntry.PayloadKind.HTTP_REQUEST;
        } else {
            return Malformed.UNKNOWN_PAYLOAD;
        }
        JsonNode resource = node.path("resource");
        JsonNode rl = resource.path("labels");
        JsonNode labels = node.path("labels");
        String[] r = new String[RESOURCE_LABELS.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = text(rl, RESOURCE_LABELS[i]);
        }
        String[] l = new String[ENTRY_LABELS.length];
        for (int i = 0; i < l.length; i++) {
            l[i] = text(labels, ENTRY_LABELS[i]);
        }
        LogSeverity severity = LogSeverity.parse(node.path("severity").asText("")).orElse(LogSeverity.DEFAULT);
        return entry(index, timestamp, severity, node.path("insertId").asText(""), resource.path("type").asText(""), r, l, kind, message);
    }

    /** The entry at the parser's current token (which it consumes), read without building a tree. */
    public static Object parse(com.fasterxml.jackson.core.JsonParser parser, long index) throws java.io.IOException {
        return EntryStream.parse(parser, index);
    }

    /** The labels of {@code resource.labels} that are read, in this order. */
    static final String[] RESOURCE_LABELS = {"service_name", "revision_name", "job_name", "project_id", "location",
        "function_name", "module_id", "instance_id", "cluster_name", "bucket_name", "dataset_id"};
    /** The labels of the entry's {@code labels} that are read, in this order. */
    static final String[] ENTRY_LABELS = {"instanceId", "run.googleapis.com/execution_name", "run.googleapis.com/task_index",
        "run.googleapis.com/task_attempt"};
    static final String AUDIT_LOG = "google.cloud.audit.AuditLog";

    /** Service, revision and instance from the labels (see the class comment). */
    static LogEntry entry(long index, Instant timestamp, LogSeverity severity, String insertId, String type, String[] rl, String[] labels,
            LogEntry.PayloadKind kind, String message) {
        String service = nz(rl[0]);
        String revision = nz(rl[1]);
        String instance = nz(labels[0]);
        if (service.isEmpty()) {
            service = nz(rl[2]);
            if (!service.isEmpty()) {
                String execution = nz(labels[1]);
                revision = execution;
                if (instance.isEmpty() && !execution.isEmpty()) {
                    instance = execution + "/" + nz(labels[2]) + "/" + nz(labels[3]);
                }
            }
        }
        for (int i = 5; service.isEmpty() && i < rl.length; i++) {
            service = nz(rl[i]);
        }
        if (service.isEmpty()) {
            service = type.isEmpty() ? "" : "(" + type + ")";
        }
        return new LogEntry(index, timestamp, severity, insertId, type, service, revision, instance, nz(rl[3]), nz(rl[4]), kind, message);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** The message of a request log without payload. */
    public static String request(String status, String method, String url) {
        String path = url;
        int scheme = url.indexOf("://");
        if (scheme >= 0) {
            int slash = url.indexOf('/', scheme + 3);
            path = slash < 0 ? "/" : url.substring(slash);
        }
        int q = path.indexOf('?');
        if (q >= 0) {
            path = path.substring(0, q);
        }
        return ("HTTP " + status + " " + method + " " + path).replaceAll("\\s+", " ").strip();
    }

    private static String text(JsonNode object, String field) {
        JsonNode v = object.get(field);
        return v == null || v.isNull() ? "" : v.asText("");
    }

}
