package dev.propsops.logs.source.logging;

import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.StatusCode;
import com.google.api.gax.rpc.UnaryCallable;
import com.google.cloud.audit.AuditLog;
import com.google.cloud.logging.v2.LoggingClient;
import com.google.cloud.logging.v2.LoggingSettings;
import com.google.logging.v2.ListLogEntriesRequest;
import com.google.logging.v2.ListLogEntriesResponse;
import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.propsops.cli.Invocation;
import dev.propsops.cli.OpsException;
import dev.propsops.cli.Progress;
import dev.propsops.cli.StoreException;
import dev.propsops.gcp.GcpAccess;
import dev.propsops.gcp.GoogleApi;
import dev.propsops.logs.source.EntrySink;
import dev.propsops.logs.source.LogEntry;
import dev.propsops.logs.source.LogSeverity;
import dev.propsops.logs.source.LogSource;
import dev.propsops.logs.source.Malformed;
import dev.propsops.logs.source.ReadResult;
import dev.propsops.logs.source.Window;
import dev.propsops.logs.source.file.EntryJson;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Entries from Cloud Logging with the real client ({@code google-cloud-logging}'s gapic
 * {@link LoggingClient}, gRPC): {@code entries.list} on {@code projects/P}, oldest first, pages of
 * {@code ops.logs.page-size} (1,000) fetched one at a time by log-triage, paced by {@link Pacer}
 * ({@code ops.logs.requests-per-second}, 1 by default, under the 60-a-minute read quota). A
 * {@code RESOURCE_EXHAUSTED} answer is waited out and the page asked again (bounded, with a notice);
 * other failures end the read with a {@link StoreException} naming {@code roles/logging.viewer}. Entries
 * are mapped as {@link EntryJson} maps the JSON form.
 */
public final class CloudLoggingSource implements LogSource {
    static final String ROLE = "roles/logging.viewer";
    private static final String AUDIT_LOG = "type.googleapis.com/google.cloud.audit.AuditLog";

    /** How pages are fetched. */
    public record Paging(int pageSize, int quotaAttempts, Duration quotaBackoff, Duration quotaMaxBackoff) {
    }

    private final String project;
    private final UnaryCallable<ListLogEntriesRequest, ListLogEntriesResponse> list;
    private final LogFilter filter;
    private final Paging paging;
    private final Pacer pacer;
    private final Pacer.Sleeper sleeper;
    private final Invocation invocation;

    CloudLoggingSource(String project, UnaryCallable<ListLogEntriesRequest, ListLogEntriesResponse> list, LogFilter filter,
            Paging paging, Pacer pacer, Pacer.Sleeper sleeper, Invocation invocation) {
        this.project = project;
        this.list = list;
        this.filter = filter;
        this.paging = paging;
        this.pacer = pacer;
        this.sleeper = sleeper;
        this.invocation = invocation;
    }

    /** The client for the run's project, credentials and endpoint ({@code ops.gcp.logging.endpoint}). */
    public static CloudLoggingSource open(GcpAccess access, LogFilter filter, Paging paging, double requestsPerSecond) {
        String project = access.projectId();
        try {
            LoggingSettings.Builder b = access.configure(GoogleApi.LOGGING, LoggingSettings.newBuilder());
            b.applyToAllUnaryMethods(m -> {
                m.setRetrySettings(access.retrySettings(GoogleApi.LOGGING));
                return null;
            });
            LoggingClient client = access.invocation().closeAtEnd(LoggingClient.create(b.build()));
            return new CloudLoggingSource(project, client.listLogEntriesCallable(), filter, paging, Pacer.real(requestsPerSecond),
                    nanos -> Thread.sleep(nanos / 1_000_000), access.invocation());
        } catch (IOException e) {
            throw new StoreException("open the Cloud Logging client", resource(project), ROLE, e);
        }
    }

    static String resource(String project) {
        return "Cloud Logging (project " + project + ")";
    }

    @Override
    public String describe() {
        return resource(project);
    }

    @Override
    public boolean readsByWindow() {
        return true;
    }

    @Override
    public Optional<String> filterFor(Window window) {
        return Optional.of(filter.of(window));
    }

    @Override
    public ReadResult read(Window window, long maxEntries, boolean numbered, EntrySink sink) {
        String f = filter.of(window);
        if (f.length() > LogFilter.MAX_LENGTH) {
            throw OpsException.usage("the Cloud Logging filter is " + f.length() + " characters, over the API's limit of "
                    + LogFilter.MAX_LENGTH, "shorten --filter or pass fewer --service names");
        }
        ListLogEntriesRequest.Builder request = ListLogEntriesRequest.newBuilder().addResourceNames("projects/" + project)
                .setFilter(f).setOrderBy("timestamp asc").setPageSize(paging.pageSize());
        long count = 0;
        long requests = 0;
        String token = "";
        try (Progress progress = Progress.start(invocation, "read " + window, "entries", 0)) {
            while (true) {
                ListLogEntriesResponse page = fetch(request.setPageToken(token).build(), requests + 1);
                pacer.done();
                requests++;
                for (int i = 0; i < page.getEntriesCount(); i++) {
                    if (count >= maxEntries) {
                        return new ReadResult(count, requests, true, Optional.empty());
                    }
                    com.google.logging.v2.LogEntry e = page.getEntries(i);
                    long index = numbered ? count : -1;
                    Object entry = entry(e, index);
                    if (entry instanceof LogEntry le) {
                        sink.entry(le);
                    } else {
                        sink.malformed(index, (Malformed) entry);
                    }
                    count++;
                    progress.add(1);
                }
                token = page.getNextPageToken();
                if (token.isEmpty()) {
                    return ReadResult.complete(count, requests);
                }
                if (count >= maxEntries) {
                    return new ReadResult(count, requests, true, Optional.empty());
                }
            }
        } catch (StoreException e) {
            return new ReadResult(count, requests, false, Optional.of(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ReadResult(count, requests, false, Optional.of(new StoreException("list log entries (interrupted)",
                    describe(), ROLE, e)));
        }
    }

    /** One page, waiting out RESOURCE_EXHAUSTED a bounded number of times. */
    private ListLogEntriesResponse fetch(ListLogEntriesRequest request, long pageNumber) throws InterruptedException {
        Duration backoff = paging.quotaBackoff();
        for (int attempt = 1;; attempt++) {
            pacer.await();
            try {
                return list.call(request);
            } catch (ApiException e) {
                pacer.done();
                boolean quota = e.getStatusCode().getCode() == StatusCode.Code.RESOURCE_EXHAUSTED;
                if (!quota || attempt >= paging.quotaAttempts()) {
                    throw new StoreException("list log entries (page " + pageNumber + (quota ? ", after " + attempt + " attempts" : "")
                            + ")", describe(), ROLE, e);
                }
                invocation.log().warn("Cloud Logging's read quota is used up (RESOURCE_EXHAUSTED) at page " + pageNumber
                        + ": waiting " + dev.propsops.cli.DurationConverter.format(backoff) + " before asking again (attempt "
                        + (attempt + 1) + " of " + paging.quotaAttempts() + "; lower ops.logs.requests-per-second if this repeats)");
                sleeper.sleep(backoff.toNanos());
                backoff = backoff.multipliedBy(2);
                if (backoff.compareTo(paging.quotaMaxBackoff()) > 0) {
                    backoff = paging.quotaMaxBackoff();
                }
            }
        }
    }

    /** An entry of the API as a {@link LogEntry}, or why it is malformed. */
    static Object entry(com.google.logging.v2.LogEntry e, long index) {
        if (!e.hasTimestamp()) {
            return Malformed.NO_TIMESTAMP;
        }
        String message;
        LogEntry.PayloadKind kind;
        switch (e.getPayloadCase()) {
            case TEXT_PAYLOAD -> {
                message = e.getTextPayload();
                kind = LogEntry.PayloadKind.TEXT;
            }
            case JSON_PAYLOAD -> {
                Struct s = e.getJsonPayload();
                Value m = s.getFieldsOrDefault("message", null);
                if (m == null || m.hasNullValue()) {
                    m = s.getFieldsOrDefault("msg", null);
                }
                message = m == null ? "" : text(m);
                kind = LogEntry.PayloadKind.JSON;
            }
            case PROTO_PAYLOAD -> {
                Any any = e.getProtoPayload();
                if (!any.getTypeUrl().equals(AUDIT_LOG)) {
                    return Malformed.UNKNOWN_PAYLOAD;
                }
                try {
                    message = any.unpack(AuditLog.class).getStatus().getMessage();
                } catch (InvalidProtocolBufferException ex) {
                    return Malformed.UNKNOWN_PAYLOAD;
                }
                kind = LogEntry.PayloadKind.PROTO;
            }
            default -> {
                if (!e.hasHttpRequest()) {
                    return Malformed.UNKNOWN_PAYLOAD;
                }
                com.google.logging.type.HttpRequest h = e.getHttpRequest();
                message = EntryJson.request(String.valueOf(h.getStatus()), h.getRequestMethod(), h.getRequestUrl());
                kind = LogEntry.PayloadKind.HTTP_REQUEST;
            }
        }
        Map<String, String> rl = e.getResource().getLabelsMap();
        Map<String, String> labels = e.getLabelsMap();
        String service = rl.getOrDefault("service_name", "");
        String revision = rl.getOrDefault("revision_name", "");
        String instance = labels.getOrDefault("instanceId", "");
        if (service.isEmpty()) {
            service = rl.getOrDefault("job_name", "");
            if (!service.isEmpty()) {
                String execution = labels.getOrDefault("run.googleapis.com/execution_name", "");
                revision = execution;
                if (instance.isEmpty() && !execution.isEmpty()) {
                    instance = execution + "/" + labels.getOrDefault("run.googleapis.com/task_index", "") + "/"
                            + labels.getOrDefault("run.googleapis.com/task_attempt", "");
                }
            }
        }
        String type = e.getResource().getType();
        if (service.isEmpty()) {
            service = type.isEmpty() ? "" : "(" + type + ")";
        }
        Instant t = Instant.ofEpochSecond(e.getTimestamp().getSeconds(), e.getTimestamp().getNanos());
        return new LogEntry(index, t, LogSeverity.ofNumber(e.getSeverityValue()), e.getInsertId(), type, service, revision, instance,
                rl.getOrDefault("project_id", ""), rl.getOrDefault("location", ""), kind, message);
    }

    private static String text(Value v) {
        return switch (v.getKindCase()) {
            case STRING_VALUE -> v.getStringValue();
            case NUMBER_VALUE -> String.valueOf(v.getNumberValue());
            case BOOL_VALUE -> String.valueOf(v.getBoolValue());
            case NULL_VALUE, KIND_NOT_SET -> "";
            default -> v.toString().replaceAll("\\s+", " ").strip();
        };
    }
}
