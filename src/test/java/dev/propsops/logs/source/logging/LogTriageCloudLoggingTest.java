package dev.propsops.logs.source.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.logging.v2.ListLogEntriesRequest;
import com.google.logging.v2.ListLogEntriesResponse;
import com.google.logging.v2.LogEntry;
import com.google.logging.v2.LoggingServiceV2Grpc;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import dev.propsops.cli.ExitCode;
import dev.propsops.cli.Json;
import dev.propsops.logs.LogFixtures;
import dev.propsops.testing.CliDriver;
import dev.propsops.testing.GrpcStandIn;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * log-triage with the real Cloud Logging client (gapic, gRPC) against a real gRPC server in the test process
 * that implements the Logging API's ListLogEntries on the generated LoggingServiceV2ImplBase: the filter,
 * page size and tokens it is sent, the pacing between pages, RESOURCE_EXHAUSTED, PERMISSION_DENIED.
 */
@QuarkusTest
@QuarkusTestResource(value = LogTriageCloudLoggingTest.FakeLogging.class, restrictToAnnotatedClass = true)
class LogTriageCloudLoggingTest {
    static final Instant NOW = Instant.parse("2026-02-01T00:00:00Z");
    static final String WINDOW = "timestamp >= \"2026-01-25T00:00:00Z\" AND timestamp < \"2026-02-01T00:00:00Z\"";
    static final String BASELINE = "timestamp >= \"2026-01-18T00:00:00Z\" AND timestamp < \"2026-01-25T00:00:00Z\"";
    static final String REST = " AND severity >= ERROR AND resource.type = (\"cloud_run_revision\" OR \"cloud_run_job\")";
    static final int PER_PAGE = 50;

    @Inject
    CommandLine.IFactory factory;

    Logging api;

    @BeforeEach
    void reset() {
        api = FakeLogging.api;
        api.calls.clear();
        api.failures.clear();
        api.failOnToken.clear();
        api.byWindow.clear();
        api.byWindow.put(WINDOW, protos(handoffWeek(NOW.minus(Duration.ofDays(7)), 143, 37)));
        api.byWindow.put(BASELINE, protos(handoffWeek(NOW.minus(Duration.ofDays(14)), 0, 37)));
    }

    CliDriver cli() {
        return new CliDriver(factory).clock(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static List<ObjectNode> handoffWeek(Instant start, int empty, int denied) {
        LogFixtures f = new LogFixtures();
        for (int i = 0; i < empty; i++) {
            f.text(start.plusSeconds(3_600L + i * 4_000L), "prediction-worker", "prediction-worker-00042-abc", "instance-" + (i % 4), "ERROR", "Error: ");
        }
        for (int i = 0; i < denied; i++) {
            f.text(start.plusSeconds(1_800L + i * 15_000L), "prediction-worker", "prediction-worker-00042-abc", "instance-" + (i % 4), "ERROR",
                    LogFixtures.HANDOFF_403);
        }
        List<ObjectNode> list = new ArrayList<>(f.entries());
        list.sort(java.util.Comparator.comparing(e -> Instant.parse(e.get("timestamp").asText())));
        return list;
    }

    /** The JSON form gcloud prints is the LogEntry's proto JSON: parse it into the API's messages. */
    static List<LogEntry> protos(List<ObjectNode> json) {
        List<LogEntry> out = new ArrayList<>();
        for (ObjectNode e : json) {
            LogEntry.Builder b = LogEntry.newBuilder();
            try {
                JsonFormat.parser().merge(e.toString(), b);
            } catch (InvalidProtocolBufferException x) {
                throw new IllegalStateException(x);
            }
            out.add(b.build());
        }
        return out;
    }

    @Test
    void readsEveryPageWithAnExplicitWindowPacedUnderTheQuotaThenTheBaseline() throws Exception {
        CliDriver.Result r = cli().run("log-triage", "--project", "nba-props-platform", "--services",
                "src/test/resources/cloudrun/services.json", "--output", "json");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.FINDINGS);
        List<Call> calls = List.copyOf(api.calls);
        int windowPages = (180 + PER_PAGE - 1) / PER_PAGE;
        assertThat(calls).hasSize(windowPages + 1);
        for (int i = 0; i < calls.size(); i++) {
            ListLogEntriesRequest q = calls.get(i).request;
            assertThat(q.getResourceNamesList()).containsExactly("projects/nba-props-platform");
            assertThat(q.getOrderBy()).isEqualTo("timestamp asc");
            assertThat(q.getPageSize()).isEqualTo(1000);
            assertThat(q.getFilter()).isEqualTo((i < windowPages ? WINDOW : BASELINE) + REST);
            assertThat(q.getPageToken()).isEqualTo(i == 0 || i == windowPages ? "" : "page-" + (i % windowPages));
        }
        for (int i = 1; i < calls.size(); i++) {
            long gapMillis = (calls.get(i).nanos - calls.get(i - 1).nanos) / 1_000_000;
            assertThat(gapMillis).as("requests %d and %d are paced at 5/s", i - 1, i).isGreaterThanOrEqualTo(190);
        }
        JsonNode doc = Json.mapper().readTree(r.out());
        assertThat(doc.path("source").asText()).isEqualTo("Cloud Logging (project nba-props-platform)");
        assertThat(doc.path("filter").asText()).isEqualTo(WINDOW + REST);
        assertThat(doc.path("read").path("entries").asLong()).isEqualTo(180);
        assertThat(doc.path("read").path("requests").asLong()).isEqualTo(windowPages);
        assertThat(doc.path("baseline").path("read").asBoolean()).isTrue();
        assertThat(doc.path("baseline").path("entries").asLong()).isEqualTo(37);
        JsonNode findings = doc.path("findings");
        assertThat(findings.get(0).path("rule").asText()).isEqualTo("no-message");
        assertThat(findings.get(0).path("count").asLong()).isEqualTo(143);
        assertThat(findings.get(1).path("rule").asText()).isEqualTo("permission-denied");
        assertThat(findings.get(1).path("command").asText()).isEqualTo("gcloud projects add-iam-policy-binding nba-props-platform "
                + "--member=serviceAccount:prediction-worker@nba-props-platform.iam.gserviceaccount.com --role=roles/monitoring.metricWriter");
        assertThat(r.err()).contains("reading the baseline window");
    }

    @Test
    void serviceNamesAndAFilterAreAddedToTheFilter() {
        CliDriver.Result r = cli().run("log-triage", "--project", "nba-props-platform", "--service", "prediction-worker",
                "--service", "nba-phase2", "--filter", "textPayload:\"metric\"", "--since", "24h", "--baseline", "none",
                "--min-severity", "warning");
        assertThat(r.exitCode()).as(r.toString()).isIn(ExitCode.OK, ExitCode.FINDINGS);
        assertThat(api.calls).hasSize(1);
        assertThat(api.calls.get(0).request.getFilter()).isEqualTo("timestamp >= \"2026-01-31T00:00:00Z\" AND timestamp < "
                + "\"2026-02-01T00:00:00Z\" AND severity >= WARNING AND resource.type = (\"cloud_run_revision\" OR \"cloud_run_job\") "
                + "AND (resource.labels.service_name = (\"prediction-worker\" OR \"nba-phase2\") OR resource.labels.job_name = "
                + "(\"prediction-worker\" OR \"nba-phase2\")) AND (textPayload:\"metric\")");
    }

    @Test
    void resourceExhaustedIsWaitedOutThenThePageIsAskedAgain() {
        api.failures.add(Status.RESOURCE_EXHAUSTED.withDescription("Quota exceeded for quota metric 'Read requests'"));
        api.failures.add(Status.RESOURCE_EXHAUSTED.withDescription("Quota exceeded for quota metric 'Read requests'"));
        CliDriver.Result r = cli().run("log-triage", "--project", "nba-props-platform", "--services",
                "src/test/resources/cloudrun/services.json");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.FINDINGS);
        assertThat(r.err()).contains("warning: Cloud Logging's read quota is used up (RESOURCE_EXHAUSTED) at page 1",
                "attempt 2 of 6", "attempt 3 of 6");
        assertThat(api.calls.get(0).request.getPageToken()).isEmpty();
        assertThat(api.calls.get(1).request.getPageToken()).isEmpty();
        assertThat(api.calls.get(2).request.getPageToken()).isEmpty();
        assertThat(api.calls.get(3).request.getPageToken()).isEqualTo("page-1");
        assertThat(r.out()).contains("143 errors from prediction-worker");
    }

    @Test
    void quotaExhaustedTooOftenIsExit1() {
        for (int i = 0; i < 6; i++) {
            api.failures.add(Status.RESOURCE_EXHAUSTED.withDescription("Quota exceeded"));
        }
        CliDriver.Result r = cli().run("log-triage", "--project", "nba-props-platform");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(r.err()).contains("after 6 attempts", "RESOURCE_EXHAUSTED");
        assertThat(r.out()).doesNotContain("no errors");
    }

    @Test
    void permissionDeniedIsExit1NamingLoggingViewer() {
        api.failures.add(Status.PERMISSION_DENIED.withDescription(
                "Permission 'logging.logEntries.list' denied on resource (or it may not exist)."));
        CliDriver.Result r = cli().run("log-triage", "--project", "nba-props-platform");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(r.err()).contains("list log entries (page 1) on Cloud Logging (project nba-props-platform) failed: PERMISSION_DENIED")
                .contains("grant the caller (your user, or the job's service account) the IAM role roles/logging.viewer");
        assertThat(r.out()).isEmpty();
        assertThat(api.calls).hasSize(1);
    }

    @Test
    void aReadThatFailsHalfWayReportsWhatItReadAndNeverSaysNoErrors() {
        api.failOnToken.put("page-2", Status.PERMISSION_DENIED.withDescription("The caller does not have permission"));
        CliDriver.Result r = cli().run("log-triage", "--project", "nba-props-platform", "--services",
                "src/test/resources/cloudrun/services.json");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(r.out()).contains("!! THE READ FAILED after 100 entries").doesNotContain("no errors");
        assertThat(r.err()).contains("the read of Cloud Logging (project nba-props-platform) failed after 100 entries", "roles/logging.viewer");
    }

    @Test
    void anEmptyWindowIsNoErrorsAndExit0() {
        api.byWindow.clear();
        CliDriver.Result r = cli().run("log-triage", "--project", "nba-props-platform");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("no errors");
        assertThat(api.calls).hasSize(2);
    }

    @Test
    void withoutAServicesFileTheAdminApiIsAskedAndItsFailureLeavesAPlaceholder() {
        CliDriver.Result r = cli().run("log-triage", "--project", "nba-props-platform", "--output", "json");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.FINDINGS);
        assertThat(r.out()).contains("--member=serviceAccount:SERVICE_ACCOUNT --role=roles/monitoring.metricWriter")
                .contains("could not be read from the Cloud Run Admin API").contains("roles/run.viewer");
    }

    record Call(ListLogEntriesRequest request, long nanos) {
    }

    /** ListLogEntries over the entries of each window's filter, PER_PAGE a page, with scripted failures. */
    static final class Logging extends LoggingServiceV2Grpc.LoggingServiceV2ImplBase {
        final List<Call> calls = new CopyOnWriteArrayList<>();
        final ConcurrentLinkedDeque<Status> failures = new ConcurrentLinkedDeque<>();
        final Map<String, Status> failOnToken = new ConcurrentHashMap<>();
        final Map<String, List<LogEntry>> byWindow = new ConcurrentHashMap<>();

        @Override
        public void listLogEntries(ListLogEntriesRequest request, StreamObserver<ListLogEntriesResponse> observer) {
            calls.add(new Call(request, System.nanoTime()));
            Status fail = failures.poll();
            if (fail == null) {
                fail = failOnToken.get(request.getPageToken());
            }
            if (fail != null) {
                observer.onError(fail.asRuntimeException());
                return;
            }
            String window = request.getFilter().substring(0, WINDOW.length());
            List<LogEntry> all = byWindow.getOrDefault(window, List.of());
            int page = request.getPageToken().isEmpty() ? 0 : Integer.parseInt(request.getPageToken().substring("page-".length()));
            int from = page * PER_PAGE;
            int to = Math.min(all.size(), from + PER_PAGE);
            ListLogEntriesResponse.Builder b = ListLogEntriesResponse.newBuilder().addAllEntries(all.subList(Math.min(from, to), to));
            if (to < all.size()) {
                b.setNextPageToken("page-" + (page + 1));
            }
            observer.onNext(b.build());
            observer.onCompleted();
        }
    }

    public static class FakeLogging implements QuarkusTestResourceLifecycleManager {
        static Logging api;
        static GrpcStandIn server;

        @Override
        public Map<String, String> start() {
            api = new Logging();
            server = new GrpcStandIn(api);
            return Map.of("ops.gcp.logging.endpoint", server.endpoint(), "ops.logs.requests-per-second", "5",
                    "ops.gcp.logging.timeout", "10s", "ops.gcp.run.endpoint", "http://127.0.0.1:9", "ops.gcp.run.timeout", "2s");
        }

        @Override
        public void stop() {
            server.close();
        }
    }
}
