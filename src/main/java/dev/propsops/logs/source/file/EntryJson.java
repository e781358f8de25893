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
            if (status.isMissingNode() && !proto.path("@type").asText("").endsWith("google.cloud.audit.AuditLog")) {
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
        String type = resource.path("type").asText("");
        String service = text(rl, "service_name");
        String revision = text(rl, "revision_name");
        String instance = text(labels, "instanceId");
        if (service.isEmpty()) {
            service = text(rl, "job_name");
            if (!service.isEmpty()) {
                String execution = text(labels, "run.googleapis.com/execution_name");
                revision = execution;
                if (instance.isEmpty() && !execution.isEmpty()) {
                    instance = execution + "/" + text(labels, "run.googleapis.com/task_index") + "/"
                            + text(labels, "run.googleapis.com/task_attempt");
                }
            }
        }
        if (service.isEmpty()) {
            service = firstOf(rl, "function_name", "module_id", "instance_id", "cluster_name", "bucket_name", "dataset_id");
        }
        if (service.isEmpty()) {
            service = type.isEmpty() ? "" : "(" + type + ")";
        }
        LogSeverity severity = LogSeverity.parse(node.path("severity").asText("")).orElse(LogSeverity.DEFAULT);
        return new LogEntry(index, timestamp, severity, node.path("insertId").asText(""), type, service, revision, instance,
                text(rl, "project_id"), text(rl, "location"), kind, message);
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

    private static String firstOf(JsonNode object, String... fields) {
        for (String f : fields) {
            String v = text(object, f);
            if (!v.isEmpty()) {
                return v;
            }
        }
        return "";
    }
}
