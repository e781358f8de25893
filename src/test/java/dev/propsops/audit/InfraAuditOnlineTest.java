package dev.propsops.audit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.google.cloud.billing.budgets.v1.Budget;
import com.google.cloud.billing.budgets.v1.BudgetAmount;
import com.google.cloud.billing.budgets.v1.Filter;
import com.google.cloud.billing.budgets.v1.ListBudgetsResponse;
import com.google.cloud.billing.budgets.v1.ThresholdRule;
import com.google.cloud.billing.v1.ProjectBillingInfo;
import com.google.cloud.run.v2.Condition;
import com.google.cloud.run.v2.ExecutionReference;
import com.google.cloud.run.v2.Job;
import com.google.cloud.run.v2.ListJobsResponse;
import com.google.cloud.run.v2.ListRevisionsResponse;
import com.google.cloud.run.v2.ListServicesResponse;
import com.google.cloud.run.v2.Revision;
import com.google.cloud.run.v2.Service;
import com.google.cloud.run.v2.TrafficTargetStatus;
import com.google.monitoring.v3.ListTimeSeriesRequest;
import com.google.monitoring.v3.ListTimeSeriesResponse;
import com.google.monitoring.v3.MetricServiceGrpc;
import com.google.monitoring.v3.Point;
import com.google.monitoring.v3.TimeSeries;
import com.google.monitoring.v3.TypedValue;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.Timestamp;
import com.google.protobuf.util.JsonFormat;
import com.google.type.Money;
import dev.propsops.cli.ExitCode;
import dev.propsops.cli.Json;
import dev.propsops.testing.BigQueryStub;
import dev.propsops.testing.CliDriver;
import dev.propsops.testing.GrpcStandIn;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * infra-audit online: the real clients (BigQuery, Cloud Run Admin v2 on REST, Storage JSON API, Cloud Billing
 * and Budgets on REST) against one WireMock server, Cloud Monitoring (gRPC) against a gRPC stand-in; requests,
 * paging and request counts asserted; 403, a disabled API, 429 and an over-budget dry run each skip only their
 * check.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraAuditOnlineTest.StandIns.class, restrictToAnnotatedClass = true)
class InfraAuditOnlineTest {
    static final String P = BigQueryStub.PROJECT;
    static final String RUN = "/v2/projects/" + P + "/locations/us-west2";
    static final String ACCOUNT = "billingAccounts/012345-567890-ABCDEF";
    static final Instant NOW = Instant.parse("2026-12-01T13:00:00Z");
    static final List<String> DATASETS = List.of("nba_raw", "nba_analytics", "nba_precompute", "nba_predictions", "mlb_raw",
            "mlb_analytics", "mlb_precompute", "mlb_predictions");

    @Inject
    CommandLine.IFactory factory;

    WireMockServer api;

    CliDriver cli() {
        return new CliDriver(factory).clock(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static String json(MessageOrBuilder m) {
        try {
            return JsonFormat.printer().print(m);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode doc(CliDriver.Result r) {
        try {
            return Json.mapper().readTree(r.out());
        } catch (IOException e) {
            throw new AssertionError(r.toString(), e);
        }
    }

    static JsonNode check(JsonNode doc, String id) {
        for (JsonNode c : doc.path("checks")) {
            if (c.path("id").asText().equals(id)) {
                return c;
            }
        }
        throw new AssertionError(id);
    }

    static List<String> findings(JsonNode doc, String check) {
        List<String> out = new java.util.ArrayList<>();
        doc.path("findings").forEach(f -> {
            if (f.path("check").asText().equals(check)) {
                out.add(f.path("rating").asText() + " " + f.path("resource").asText());
            }
        });
        return out;
    }

    static JsonNode storageFinding(JsonNode doc) {
        for (JsonNode f : doc.path("findings")) {
            if (f.path("check").asText().equals("storage")) {
                return f;
            }
        }
        throw new AssertionError("no storage finding in " + doc);
    }

    static Timestamp ts(String iso) {
        Instant i = Instant.parse(iso);
        return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).build();
    }

    @BeforeEach
    void stubAll() {
        api = StandIns.bigquery.server();
        api.resetAll();
        StandIns.monitoring.requests.clear();
        StandIns.monitoring.failWith = null;
        BigQueryStub bq = StandIns.bigquery;
        bq.stubDryRun(50L << 20);
        long tib = 1L << 40;
        bq.stubQuery("WITH billed AS", List.of("shape STRING", "runs INT64", "bytes_billed INT64", "user_count INT64",
                "users ARRAY<STRING>", "top_job_id STRING", "top_query STRING", "all_runs INT64", "all_bytes INT64", "all_shapes INT64"),
                List.of(List.of("SELECT * FROM `t` WHERE d = ?", "40", Long.toString(40 * tib), "1", List.of("worker@x.iam"), "job_a",
                        "SELECT * FROM `t` WHERE d = '2026-11-30'", "41", Long.toString(40 * tib + tib), "2")));
        bq.stubQuery("SELECT DISTINCT ref.dataset_id", List.of("dataset_id STRING"),
                List.of(List.of("nba_raw"), List.of("nba_analytics"), List.of("nba_predictions"), List.of("mlb_raw")));
        api.stubFor(get(urlPathEqualTo("/bigquery/v2/projects/" + P + "/datasets")).willReturn(okJson("{\"kind\": \"bigquery#datasetList\", "
                + "\"datasets\": [" + dataset("nba_raw", "us-west2") + "," + dataset("nba_analytics", "us-west2") + ","
                + dataset("nba_predictions", "us-west2") + "," + dataset("mlb_raw", "us-west2") + "," + dataset("old_experiments", "us-west2")
                + "," + dataset("eu_copy", "EU") + "]}")));
        for (String d : DATASETS) {
            bq.stubQuery("`" + P + "." + d + ".__TABLES__`", TABLES, d.equals("nba_raw") ? List.of(
                    table("odds_api_temp_test", "2024-12-02", 9L << 30), table("team_defense_backup_20250115", "2025-01-15", 500L << 30),
                    table("gold_players", "2026-11-30", 2L << 30)) : List.of(table("main_" + d, "2026-11-30", 1L << 30)));
        }
        bq.stubQuery("`" + P + ".old_experiments.__TABLES__`", TABLES, List.of(table("exp_1", "2025-03-01", 200L << 30)));

        // Cloud Run: two pages of services, one serving revision read each, one list of revisions, one of jobs
        Service ok = Service.newBuilder().setName(RUN.substring(4) + "/services/prediction-worker")
                .setLatestReadyRevision("prediction-worker-00043-new").setLatestCreatedRevision("prediction-worker-00043-new")
                .addTrafficStatuses(TrafficTargetStatus.newBuilder().setRevision("prediction-worker-00043-new").setPercent(100))
                .setTerminalCondition(Condition.newBuilder().setType("Ready").setState(Condition.State.CONDITION_SUCCEEDED)).build();
        Service broken = Service.newBuilder().setName("projects/" + P + "/locations/us-west2/services/mlb-worker")
                .setLatestCreatedRevision("mlb-worker-00002-b").setLatestReadyRevision("mlb-worker-00001-a")
                .addTrafficStatuses(TrafficTargetStatus.newBuilder().setRevision("mlb-worker-00001-a").setPercent(100))
                .setTerminalCondition(Condition.newBuilder().setType("Ready").setState(Condition.State.CONDITION_FAILED)
                        .setMessage("Revision 'mlb-worker-00002-b' is not ready and cannot serve traffic.")).build();
        api.stubFor(get(urlPathEqualTo(RUN + "/services")).withQueryParam("pageToken", equalTo("p2"))
                .willReturn(okJson(json(ListServicesResponse.newBuilder().addServices(broken)))));
        api.stubFor(get(urlPathEqualTo(RUN + "/services")).atPriority(10)
                .willReturn(okJson(json(ListServicesResponse.newBuilder().addServices(ok).setNextPageToken("p2")))));
        for (String[] r : new String[][] { { "prediction-worker", "prediction-worker-00043-new" }, { "mlb-worker", "mlb-worker-00001-a" } }) {
            api.stubFor(get(urlPathEqualTo(RUN + "/services/" + r[0] + "/revisions/" + r[1])).willReturn(okJson(json(Revision.newBuilder()
                    .setName("projects/" + P + "/locations/us-west2/services/" + r[0] + "/revisions/" + r[1])
                    .setService("projects/" + P + "/locations/us-west2/services/" + r[0])
                    .addConditions(Condition.newBuilder().setType("Ready").setState(Condition.State.CONDITION_SUCCEEDED))))));
        }
        ListRevisionsResponse.Builder revisions = ListRevisionsResponse.newBuilder();
        for (int i = 0; i < 30; i++) {
            revisions.addRevisions(Revision.newBuilder().setName("r" + i).setService("projects/" + P + "/locations/us-west2/services/"
                    + (i < 20 ? "prediction-worker" : "mlb-worker")));
        }
        api.stubFor(get(urlPathEqualTo(RUN + "/services/-/revisions")).willReturn(okJson(json(revisions))));
        api.stubFor(get(urlPathEqualTo(RUN + "/jobs")).willReturn(okJson(json(ListJobsResponse.newBuilder()
                .addJobs(Job.newBuilder().setName("projects/" + P + "/locations/us-west2/jobs/props-ops-nba-drift-check")
                        .setLatestCreatedExecution(ExecutionReference.newBuilder().setName("props-ops-nba-drift-check-x7k2p")
                                .setCreateTime(ts("2026-12-01T08:00:00Z")).setCompletionStatus(ExecutionReference.CompletionStatus.EXECUTION_FAILED)))
                .addJobs(Job.newBuilder().setName("projects/" + P + "/locations/us-west2/jobs/props-ops-nba-staging-prune")
                        .setLatestCreatedExecution(ExecutionReference.newBuilder().setName("props-ops-nba-staging-prune-q")
                                .setCreateTime(ts("2026-11-10T06:00:00Z")).setCompletionStatus(ExecutionReference.CompletionStatus.EXECUTION_SUCCEEDED)))))));

        // Storage: two pages of buckets; Monitoring answers all sizes in one call
        api.stubFor(get(urlPathEqualTo("/storage/v1/b")).withQueryParam("pageToken", equalTo("b2")).willReturn(okJson(
                "{\"kind\": \"storage#buckets\", \"items\": [{\"name\": \"raw-scrapes\", \"projectNumber\": \"123456789012\", \"location\": \"US-WEST2\", "
                        + "\"storageClass\": \"STANDARD\"}]}")));
        api.stubFor(get(urlPathEqualTo("/storage/v1/b")).atPriority(10).willReturn(okJson(
                "{\"kind\": \"storage#buckets\", \"nextPageToken\": \"b2\", \"items\": [{\"name\": \"models\", \"projectNumber\": \"123456789012\", "
                        + "\"lifecycle\": {\"rule\": [{\"action\": {\"type\": \"Delete\"}, \"condition\": {\"age\": 730}}]}}]}")));
        StandIns.monitoring.sizes = Map.of("raw-scrapes", 2.5e12, "models", 1.0e9);

        // Billing and Budgets: the budget names the project by its number
        api.stubFor(get(urlPathEqualTo("/v1/projects/" + P + "/billingInfo")).willReturn(okJson(json(ProjectBillingInfo.newBuilder()
                .setName("projects/" + P + "/billingInfo").setProjectId(P).setBillingAccountName(ACCOUNT).setBillingEnabled(true)))));
        api.stubFor(get(urlPathEqualTo("/v1/" + ACCOUNT + "/budgets")).willReturn(okJson(json(ListBudgetsResponse.newBuilder()
                .addBudgets(Budget.newBuilder().setName(ACCOUNT + "/budgets/b1").setDisplayName("monthly")
                        .setBudgetFilter(Filter.newBuilder().addProjects("projects/123456789012"))
                        .setAmount(BudgetAmount.newBuilder().setSpecifiedAmount(Money.newBuilder().setCurrencyCode("USD").setUnits(500)))
                        .addThresholdRules(ThresholdRule.newBuilder().setThresholdPercent(0.8)))))));
    }

    static final List<String> TABLES = List.of("table_id STRING", "type INT64", "creation_time INT64", "last_modified_time INT64",
            "row_count INT64", "size_bytes INT64");

    static List<String> table(String name, String modified, long bytes) {
        long ms = Instant.parse(modified + "T00:00:00Z").toEpochMilli();
        return List.of(name, "1", Long.toString(ms - 86_400_000L), Long.toString(ms), "100", Long.toString(bytes));
    }

    static String dataset(String id, String location) {
        return "{\"kind\": \"bigquery#dataset\", \"id\": \"" + P + ":" + id + "\", \"datasetReference\": {\"projectId\": \"" + P
                + "\", \"datasetId\": \"" + id + "\"}, \"location\": \"" + location + "\"}";
    }

    static final String[] ONLINE = { "infra-audit", "--project", P, "--checks",
            "bigquery-cost,datasets,staging,cloud-run-services,cloud-run-jobs,storage,budget", "--output", "json" };

    @Test
    void everyCheckOnlineWithItsRequestsCounted() {
        CliDriver.Result r = cli().run(ONLINE);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.FINDINGS);
        JsonNode doc = doc(r);
        for (JsonNode c : doc.path("checks")) {
            assertThat(c.path("status").asText()).as(c.toString()).isEqualTo("ok");
        }
        assertThat(findings(doc, "bigquery-cost")).containsExactly("critical query shape #1", "info project");
        assertThat(findings(doc, "datasets")).containsExactly("low " + P + ".old_experiments");
        assertThat(check(doc, "datasets").path("notes").toString()).contains("1 dataset(s) outside location us-west2");
        assertThat(findings(doc, "staging")).containsExactly("low nba");
        assertThat(findings(doc, "cloud-run-services")).containsExactly("medium mlb-worker", "info revisions");
        assertThat(findings(doc, "cloud-run-jobs")).containsExactly("high props-ops-nba-drift-check", "medium props-ops-nba-staging-prune");
        assertThat(findings(doc, "storage")).containsExactly("low raw-scrapes");
        assertThat(findings(doc, "budget")).isEmpty();
        assertThat(doc.path("project_number").asText()).isEqualTo("123456789012");

        // BigQuery: a dry run and a query per JOBS statement, one listing, one __TABLES__ read per dataset (shared by two checks)
        BigQueryStub bq = StandIns.bigquery;
        assertThat(bq.jobRequests()).hasSize(2).allMatch(j -> j.path("configuration").path("dryRun").asBoolean());
        JsonNode costQuery = bq.queryRequests().stream().filter(q -> q.path("query").asText().startsWith("WITH billed AS")).findFirst().orElseThrow();
        assertThat(costQuery.path("maximumBytesBilled").asText()).isEqualTo(Long.toString(10L << 30));
        assertThat(costQuery.path("queryParameters").toString()).contains("from_time", "2026-11-24 13:00:00", "shape_strings");
        assertThat(costQuery.path("useLegacySql").asBoolean()).isFalse();
        api.verify(1, getRequestedFor(urlPathEqualTo("/bigquery/v2/projects/" + P + "/datasets")));
        for (String d : DATASETS) {
            api.verify(1, postRequestedFor(urlPathEqualTo("/bigquery/v2/projects/" + P + "/queries"))
                    .withRequestBody(matchingJsonPath("$.query", containing("." + d + ".__TABLES__"))));
        }
        api.verify(1, postRequestedFor(urlPathEqualTo("/bigquery/v2/projects/" + P + "/queries"))
                .withRequestBody(matchingJsonPath("$.query", containing(".old_experiments.__TABLES__"))));
        api.verify(0, postRequestedFor(urlPathEqualTo("/bigquery/v2/projects/" + P + "/queries"))
                .withRequestBody(matchingJsonPath("$.query", containing(".eu_copy."))));
        // never a call per table: no tables.get for the staging candidates
        api.verify(0, getRequestedFor(urlPathMatching("/bigquery/v2/projects/" + P + "/datasets/.+/tables/.*")));
        // Cloud Run: 2 pages of services, 1 get per serving revision, 1 list of the region's 30 revisions, 1 list of jobs
        api.verify(2, getRequestedFor(urlPathEqualTo(RUN + "/services")));
        api.verify(2, getRequestedFor(urlPathMatching(RUN + "/services/[a-z-]+/revisions/.+")));
        api.verify(1, getRequestedFor(urlPathEqualTo(RUN + "/services/-/revisions")));
        api.verify(1, getRequestedFor(urlPathEqualTo(RUN + "/jobs")));
        // Storage: 2 pages; Monitoring: one call for every bucket, filtered on the metric, over a day
        api.verify(2, getRequestedFor(urlPathEqualTo("/storage/v1/b")).withQueryParam("project", equalTo(P)));
        assertThat(StandIns.monitoring.requests).singleElement().satisfies(q -> {
            assertThat(q.getName()).isEqualTo("projects/" + P);
            assertThat(q.getFilter()).isEqualTo("metric.type=\"storage.googleapis.com/storage/total_bytes\" AND resource.type=\"gcs_bucket\"");
            assertThat(q.getInterval().getEndTime().getSeconds() - q.getInterval().getStartTime().getSeconds()).isEqualTo(25 * 3600);
        });
        JsonNode bucket = storageFinding(doc);
        assertThat(bucket.path("facts").path("size_bytes").asLong()).isEqualTo(2_500_000_000_000L);
        // Billing: one lookup of the account, one page of budgets
        api.verify(1, getRequestedFor(urlPathEqualTo("/v1/projects/" + P + "/billingInfo")));
        api.verify(1, getRequestedFor(urlPathEqualTo("/v1/" + ACCOUNT + "/budgets")));
    }

    @Test
    void aForbiddenBudgetListADisabledApiAQuotaAndMissingMonitoringEachSkipOnlyTheirCheck() {
        api.stubFor(get(urlPathEqualTo("/v1/" + ACCOUNT + "/budgets")).atPriority(1).willReturn(error(403, "PERMISSION_DENIED",
                "The caller does not have permission", null)));
        api.stubFor(get(urlPathMatching(RUN + "/.*")).atPriority(1).willReturn(error(403, "PERMISSION_DENIED",
                "Cloud Run Admin API has not been used in project 123456789012 before or it is disabled. Enable it by visiting "
                        + "https://console.developers.google.com/apis/api/run.googleapis.com/overview?project=123456789012", "SERVICE_DISABLED")));
        api.stubFor(post(urlPathEqualTo("/bigquery/v2/projects/" + P + "/queries")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.query", containing("WITH billed AS")))
                .willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json").withBody("{\"error\": {\"code\": 429, "
                        + "\"message\": \"Exceeded rate limits: too many concurrent queries for this project_and_region\", \"errors\": "
                        + "[{\"reason\": \"rateLimitExceeded\"}], \"status\": \"RESOURCE_EXHAUSTED\"}}")));
        StandIns.monitoring.failWith = Status.PERMISSION_DENIED.withDescription("Permission monitoring.timeSeries.list denied");

        CliDriver.Result r = cli().run(ONLINE);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.OK);
        JsonNode doc = doc(r);
        assertThat(check(doc, "budget").path("reason").asText()).isEqualTo("skipped: needs roles/billing.viewer on the billing account " + ACCOUNT);
        assertThat(check(doc, "budget").path("fix").asText()).contains("gcloud billing accounts add-iam-policy-binding 012345-567890-ABCDEF");
        for (String id : List.of("cloud-run-services", "cloud-run-jobs")) {
            assertThat(check(doc, id).path("status").asText()).isEqualTo("skipped");
            assertThat(check(doc, id).path("fix").asText()).contains("gcloud services enable run.googleapis.com");
        }
        assertThat(check(doc, "bigquery-cost").path("reason").asText()).contains("RESOURCE_EXHAUSTED", "gave up after 2 attempts");
        assertThat(check(doc, "bigquery-cost").path("fix").asText()).contains("quota or rate limit");
        api.verify(2, postRequestedFor(urlPathEqualTo("/bigquery/v2/projects/" + P + "/queries"))
                .withRequestBody(matchingJsonPath("$.query", containing("WITH billed AS"))));
        JsonNode storage = check(doc, "storage");
        assertThat(storage.path("status").asText()).isEqualTo("partial");
        assertThat(storage.path("problems").toString()).contains("PERMISSION_DENIED", "monitoring.timeSeries.list");
        assertThat(storageFinding(doc).path("evidence").toString()).contains("size unknown");
        assertThat(check(doc, "datasets").path("status").asText()).isEqualTo("ok");
        assertThat(check(doc, "staging").path("status").asText()).isEqualTo("ok");
        assertThat(r.err()).doesNotContain("\tat ");
    }

    @Test
    void aDryRunOverMaxBytesRunsNothingAndSkipsTheCheck() {
        StandIns.bigquery.stubDryRun(20L << 30);
        CliDriver.Result r = cli().run("infra-audit", "--project", P, "--checks", "bigquery-cost", "--max-bytes", "1GB", "--output", "json");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(check(doc(r), "bigquery-cost").path("reason").asText())
                .isEqualTo("the cost query would scan 20.0 GB, over --max-bytes 1.0 GB; nothing was run");
        assertThat(StandIns.bigquery.queryRequests()).isEmpty();
        assertThat(r.err()).contains("error: infra-audit: no check could run", "fix: shorten --since");
    }

    @Test
    void whenEveryApiRefusesNoCheckRunsAndTheRunFails() {
        api.stubFor(com.github.tomakehurst.wiremock.client.WireMock.any(com.github.tomakehurst.wiremock.client.WireMock.anyUrl())
                .atPriority(1).willReturn(error(403, "PERMISSION_DENIED", "Permission denied on resource project " + P, null)));
        StandIns.monitoring.failWith = Status.PERMISSION_DENIED;
        CliDriver.Result r = cli().run("infra-audit", "--project", P, "--checks", "bigquery-cost,cloud-run-services,storage");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(r.out()).contains("skipped  bigquery-cost", "roles/bigquery.resourceViewer", "skipped  storage", "roles/storage.bucketViewer",
                "skipped  cloud-run-services", "roles/run.viewer");
        assertThat(r.err()).contains("no check could run (3 skipped");
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder error(int code, String status, String message, String reason) {
        String details = reason == null ? "" : ", \"details\": [{\"@type\": \"type.googleapis.com/google.rpc.ErrorInfo\", \"reason\": \""
                + reason + "\"}]";
        return aResponse().withStatus(code).withHeader("Content-Type", "application/json").withBody("{\"error\": {\"code\": " + code
                + ", \"message\": \"" + message + "\", \"status\": \"" + status + "\", \"errors\": [{\"reason\": \"forbidden\", \"message\": \""
                + message + "\"}]" + details + "}}");
    }

    /** Cloud Monitoring's timeSeries.list: one series per bucket and storage class, newest point first. */
    static final class Monitoring extends MetricServiceGrpc.MetricServiceImplBase {
        final List<ListTimeSeriesRequest> requests = new CopyOnWriteArrayList<>();
        volatile Map<String, Double> sizes = Map.of();
        volatile Status failWith;

        @Override
        public void listTimeSeries(ListTimeSeriesRequest request, StreamObserver<ListTimeSeriesResponse> out) {
            requests.add(request);
            if (failWith != null) {
                out.onError(failWith.asRuntimeException());
                return;
            }
            ListTimeSeriesResponse.Builder b = ListTimeSeriesResponse.newBuilder();
            sizes.forEach((bucket, bytes) -> {
                for (double part : new double[] { bytes * 0.8, bytes * 0.2 }) {
                    b.addTimeSeries(TimeSeries.newBuilder()
                            .setResource(com.google.api.MonitoredResource.newBuilder().setType("gcs_bucket").putLabels("bucket_name", bucket))
                            .addPoints(Point.newBuilder().setValue(TypedValue.newBuilder().setDoubleValue(part)))
                            .addPoints(Point.newBuilder().setValue(TypedValue.newBuilder().setDoubleValue(1))));
                }
            });
            out.onNext(b.build());
            out.onCompleted();
        }
    }

    public static class StandIns implements QuarkusTestResourceLifecycleManager {
        static BigQueryStub bigquery;
        static Monitoring monitoring;
        static GrpcStandIn grpc;

        @Override
        public Map<String, String> start() {
            bigquery = new BigQueryStub();
            monitoring = new Monitoring();
            grpc = new GrpcStandIn(monitoring);
            String url = bigquery.baseUrl();
            return Map.ofEntries(Map.entry("ops.gcp.bigquery.endpoint", url), Map.entry("ops.gcp.bigquery.max-attempts", "2"),
                    Map.entry("ops.gcp.bigquery.initial-backoff", "5ms"), Map.entry("ops.gcp.bigquery.max-backoff", "10ms"),
                    Map.entry("ops.gcp.run.endpoint", url), Map.entry("ops.gcp.storage.endpoint", url),
                    Map.entry("ops.gcp.billing.endpoint", url), Map.entry("ops.gcp.budgets.endpoint", url),
                    Map.entry("ops.gcp.monitoring.endpoint", grpc.endpoint()), Map.entry("ops.gcp.run.timeout", "3s"),
                    Map.entry("ops.gcp.storage.timeout", "3s"), Map.entry("ops.gcp.billing.timeout", "3s"),
                    Map.entry("ops.gcp.budgets.timeout", "3s"), Map.entry("ops.gcp.monitoring.timeout", "3s"));
        }

        @Override
        public void stop() {
            bigquery.close();
            grpc.close();
        }
    }
}
