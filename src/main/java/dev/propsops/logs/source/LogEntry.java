package dev.propsops.logs.source;

import java.time.Instant;

/**
 * One log entry as log-triage needs it, whichever source it came from (Cloud Logging, a gcloud export).
 *
 * @param index where the entry is in its input, counting from 0 ({@code --assignments} is keyed by it); -1
 *     for entries that are not part of the input's numbering (the baseline window read from Cloud Logging)
 * @param service the Cloud Run service ({@code resource.labels.service_name}) or job ({@code job_name});
 *     for other resources their own name label, else {@code (resource type)}
 * @param revision the service's revision, or the job's execution; empty when the entry has none
 * @param instance the instance that wrote it ({@code labels.instanceId}), or the job's execution, task and
 *     attempt; empty when unknown, and then the entry is never joined with another
 * @param project the project the resource lives in ({@code resource.labels.project_id}); may be empty
 * @param location the region ({@code resource.labels.location}); may be empty
 * @param message what the entry says (see {@link PayloadKind} for where it comes from); never null
 */
public record LogEntry(long index, Instant timestamp, LogSeverity severity, String insertId, String resourceType,
        String service, String revision, String instance, String project, String location, PayloadKind payload,
        String message) {
    /** Where an entry's message came from. */
    public enum PayloadKind {
        /** {@code jsonPayload.message}, else {@code jsonPayload.msg}; empty when it has neither. */
        JSON,
        /** {@code textPayload}. */
        TEXT,
        /** {@code protoPayload.status.message} (audit logs). */
        PROTO,
        /** A request log with no payload: {@code HTTP <status> <method> <path>} from {@code httpRequest}. */
        HTTP_REQUEST
    }

    public LogEntry {
        insertId = insertId == null ? "" : insertId;
        resourceType = resourceType == null ? "" : resourceType;
        service = service == null || service.isEmpty() ? "(unknown)" : service;
        revision = revision == null ? "" : revision;
        instance = instance == null ? "" : instance;
        project = project == null ? "" : project;
        location = location == null ? "" : location;
        message = message == null ? "" : message;
    }
}
