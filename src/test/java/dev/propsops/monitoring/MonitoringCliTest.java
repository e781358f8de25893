package dev.propsops.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import com.google.monitoring.v3.TimeSeries;
import dev.propsops.cli.ExitCode;
import dev.propsops.cli.Json;
import dev.propsops.drift.demo.PlatformData;
import dev.propsops.gcp.FirestoreEmulator;
import dev.propsops.heartbeat.HeartbeatDocsFixture;
import dev.propsops.testing.CliDriver;
import dev.propsops.testing.EmulatorClients;
import dev.propsops.testing.FirestoreEmulatorExtension;
import dev.propsops.testing.GrpcStandIn;
import dev.propsops.testing.MonitoringStandIn;
import io.grpc.Status;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

/**
 * The new flags through the CLI: metric export to a Cloud Monitoring stand-in (the real client over gRPC)
 * and own heartbeats on the real Firestore emulator; their defaults on Cloud Run and off it, and that
 * neither ever changes a job's exit code.
 */
@QuarkusTest
@ExtendWith(FirestoreEmulatorExtension.class)
@QuarkusTestResource(value = MonitoringCliTest.StandIns.class, restrictToAnnotatedClass = true)
class MonitoringCliTest {
    static final String INVENTORY = "src/test/resources/staging/nba_raw-tables.json";

    @Inject
    CommandLine.IFactory factory;

    FirestoreEmulator emulator;
    Firestore db;
    HeartbeatDocsFixture docs;
    final Instant now = Instant.now();

    @BeforeEach
    void connect(FirestoreEmulator emulator) {
        this.emulator = emulator;
        db = EmulatorClients.connect(emulator);
        docs = new HeartbeatDocsFixture(db, "processor_heartbeats");
        StandIns.monitoring.reset();
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    CliDriver cli() {
        return new CliDriver(factory).env("FIRESTORE_EMULATOR_HOST", emulator.hostPort());
    }

    CliDriver cloudRun() {
        return cli().env("CLOUD_RUN_JOB", "props-ops-platform-heartbeat-monitor").env("CLOUD_RUN_EXECUTION", "exec-42")
                .env("GOOGLE_CLOUD_PROJECT", "demo-props-ops");
    }

    void threeProcessorsOneLate() {
        docs.beat("nba-phase3-analytics-processors", "nba-phase3-analytics-processors", now.minus(Duration.ofHours(1)), "completed");
        docs.beat("nba-phase4-precompute-processors", "nba-phase4-precompute-processors", now.minus(Duration.ofHours(1)), "completed");
        docs.put("mlb-phase5-predictions", Map.of("processor_name", "mlb-phase5-predictions", "status", "running",
                "last_heartbeat", HeartbeatDocsFixture.ts(now.minus(Duration.ofMinutes(40))), "expected_interval_seconds", 1800L));
        docs.flush();
    }

    List<TimeSeries> written() {
        return StandIns.monitoring.writes.stream().flatMap(w -> w.getTimeSeriesList().stream()).toList();
    }

    Map<String, Long> ints(String metric, String label) {
        return written().stream().filter(ts -> ts.getMetric().getType().equals(metric)).collect(Collectors.toMap(
                ts -> label == null ? "" : ts.getMetric().getLabelsMap().get(label), ts -> ts.getPoints(0).getValue().getInt64Value()));
    }

    DocumentSnapshot doc(String id) throws Exception {
        return db.collection("processor_heartbeats").document(id).get().get();
    }

    @Test
    void heartbeatMonitorExportsItsReportAndKeepsItsExitCode() {
        threeProcessorsOneLate();
        CliDriver.Result r = cli().run("heartbeat-monitor", "--export-metrics", "--fail-on", "warn");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.FINDINGS);
        assertThat(r.err()).as(r.toString()).contains("exported 13 metric point(s) to Cloud Monitoring (project demo-props-ops");
        assertThat(ints(OpsMetric.HEARTBEAT_COLLECTION_SIZE.type(), "collection")).containsExactly(Map.entry("processor_heartbeats", 3L));
        assertThat(ints(OpsMetric.HEARTBEAT_HEALTH_SCORE.type(), null)).containsExactly(Map.entry("", 83L));
        assertThat(ints(OpsMetric.HEARTBEAT_PROCESSORS.type(), "state")).containsExactlyInAnyOrderEntriesOf(
                Map.of("ok", 2L, "late", 1L, "stale", 0L, "failed", 0L, "missing", 0L));
        assertThat(ints(OpsMetric.HEARTBEAT_SECONDS_SINCE_BEAT.type(), "processor")).containsOnlyKeys(
                "nba-phase3-analytics-processors", "nba-phase4-precompute-processors", "mlb-phase5-predictions");
        assertThat(ints(OpsMetric.HEARTBEAT_SECONDS_SINCE_BEAT.type(), "processor").get("mlb-phase5-predictions"))
                .isBetween(2390L, 2500L);
        assertThat(StandIns.monitoring.writes).allSatisfy(w -> assertThat(w.getName()).isEqualTo("projects/demo-props-ops"));
    }

    @Test
    void exportIsOffLocallyOnOnCloudRunAndTheFlagsDecideEitherWay() {
        threeProcessorsOneLate();
        assertThat(cli().run("heartbeat-monitor").exitCode()).isZero();
        assertThat(StandIns.monitoring.writes).as("off locally by default").isEmpty();
        assertThat(cloudRun().run("heartbeat-monitor", "--no-export-metrics", "--no-heartbeat").exitCode()).isZero();
        assertThat(StandIns.monitoring.writes).as("--no-export-metrics on Cloud Run").isEmpty();
        CliDriver.Result onCloudRun = cloudRun().run("heartbeat-monitor", "--no-heartbeat");
        assertThat(onCloudRun.exitCode()).as(onCloudRun.toString()).isZero();
        assertThat(StandIns.monitoring.writes).as("on by default on Cloud Run").hasSize(1);
        assertThat(onCloudRun.err()).contains("{\"severity\":\"INFO\",\"message\":\"exported 13 metric point(s)");
    }

    @Test
    void aRefusedExportIsAWarningNamingTheRoleAndTheExitCodeIsUnchanged() {
        threeProcessorsOneLate();
        StandIns.monitoring.refuseWrites(Status.PERMISSION_DENIED.withDescription(
                "Permission monitoring.timeSeries.create denied (or the resource may not exist)."));
        CliDriver.Result ok = cli().run("heartbeat-monitor", "--export-metrics");
        assertThat(ok.exitCode()).as(ok.toString()).isEqualTo(ExitCode.OK);
        assertThat(ok.err()).contains("warning: metric export:", "PERMISSION_DENIED", "monitoring.timeSeries.create",
                "roles/monitoring.metricWriter", "the job's result is unchanged").doesNotContain("error:");
        assertThat(ok.out()).contains("health score 83/100");
        CliDriver.Result findings = cli().run("heartbeat-monitor", "--export-metrics", "--fail-on", "warn");
        assertThat(findings.exitCode()).isEqualTo(ExitCode.FINDINGS);

        // on Cloud Run the warning is one structured entry Cloud Logging can alert on
        CliDriver.Result structured = cloudRun().run("heartbeat-monitor", "--no-heartbeat");
        assertThat(structured.exitCode()).isEqualTo(ExitCode.OK);
        JsonNode warning = structured.err().lines().filter(l -> l.contains("metricWriter")).findFirst().map(l -> {
            try {
                return Json.mapper().readTree(l);
            } catch (Exception e) {
                throw new AssertionError(l, e);
            }
        }).orElseThrow(() -> new AssertionError(structured.toString()));
        assertThat(warning.path("severity").asText()).isEqualTo("WARNING");
    }

    @Test
    void aDisabledApiGetsTheEnableCommand() {
        threeProcessorsOneLate();
        StandIns.monitoring.refuseDescriptors(Status.PERMISSION_DENIED.withDescription("Cloud Monitoring API has not been used in "
                + "project demo-props-ops before or it is disabled. Enable it by visiting https://console.developers.google.com/apis/api/"
                + "monitoring.googleapis.com/overview?project=demo-props-ops then retry. (reason: SERVICE_DISABLED)"));
        CliDriver.Result r = cli().run("heartbeat-monitor", "--export-metrics");
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).contains("gcloud services enable monitoring.googleapis.com");
        assertThat(StandIns.monitoring.writes).isEmpty();
    }

    @Test
    void stagingPruneExportsCandidatesPerDatasetRead() {
        CliDriver.Result r = cli().run("staging-prune", "--sport", "nba", "--inventory", INVENTORY, "--export-metrics");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        Map<String, Long> candidates = ints(OpsMetric.STAGING_CANDIDATES.type(), "dataset");
        assertThat(candidates).containsExactly(Map.entry("nba_raw", 3L));
        assertThat(ints(OpsMetric.STAGING_CANDIDATE_BYTES.type(), "dataset").get("nba_raw")).isGreaterThan(500L << 30);
        assertThat(written()).allSatisfy(ts -> assertThat(ts.getMetric().getLabelsMap()).containsEntry("sport", "nba"));
    }

    @Test
    void ownHeartbeatRunsThenCompletesWithTheIntervalFromTheSchedule() throws Exception {
        threeProcessorsOneLate();
        CliDriver.Result r = cli().env("PROPS_OPS_EXPECTED_INTERVAL", "30m")
                .run("heartbeat-monitor", "--heartbeat", "--output", "json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        // the monitor itself read its own doc mid-run: the running beat was written before the job started
        JsonNode self = null;
        for (JsonNode p : Json.mapper().readTree(r.out()).path("processors")) {
            if (p.path("processor").asText().equals("props-ops-heartbeat-monitor")) {
                self = p;
            }
        }
        assertThat(self).as(r.out()).isNotNull();
        assertThat(self.path("status").asText()).isEqualTo("running");
        assertThat(self.path("expected_interval_seconds").asLong()).isEqualTo(1800);
        DocumentSnapshot doc = doc("props-ops-heartbeat-monitor");
        assertThat(doc.getString("status")).isEqualTo("completed");
        assertThat(doc.getString("message")).isEqualTo("exit 0: done");
        assertThat(doc.getLong("expected_interval_seconds")).isEqualTo(1800);
        assertThat(doc.getString("processor_name")).isEqualTo("props-ops-heartbeat-monitor");
        assertThat(doc.getString("run_id")).startsWith("local-");
        assertThat(doc.get("started_at")).isNotNull();
    }

    @Test
    void ownHeartbeatOfAFailedRunIsFailedWithTheExitCodeAndItsSportInTheId() throws Exception {
        CliDriver.Result r = cli().run("staging-prune", "--sport", "nba", "--inventory", "no-such-file.json", "--heartbeat");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.USAGE);
        DocumentSnapshot doc = doc("props-ops-staging-prune-nba");
        assertThat(doc.exists()).as(r.toString()).isTrue();
        assertThat(doc.getString("status")).isEqualTo("failed");
        assertThat(doc.getString("message")).startsWith("exit 2: ").contains("no-such-file.json");
        // findings are a completed run: the job did its work (Cloud Run's own metric shows the non-zero exit)
        CliDriver.Result findings = cli().run("heartbeat-monitor", "--heartbeat");
        assertThat(findings.exitCode()).as(findings.toString()).isEqualTo(ExitCode.FINDINGS);
        assertThat(doc("props-ops-heartbeat-monitor").getString("status")).isEqualTo("completed");
        assertThat(doc("props-ops-heartbeat-monitor").getString("message")).startsWith("exit 3: ");
    }

    @Test
    void ownHeartbeatIsOnOnCloudRunOffLocallyAndTheFlagsDecide() throws Exception {
        threeProcessorsOneLate();
        assertThat(cli().run("heartbeat-monitor").exitCode()).isZero();
        assertThat(doc("props-ops-heartbeat-monitor").exists()).as("off locally").isFalse();
        assertThat(cloudRun().run("heartbeat-monitor", "--no-heartbeat", "--no-export-metrics").exitCode()).isZero();
        assertThat(doc("props-ops-heartbeat-monitor").exists()).as("--no-heartbeat").isFalse();
        CliDriver.Result r = cloudRun().run("heartbeat-monitor", "--no-export-metrics");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(doc("props-ops-heartbeat-monitor").getString("run_id")).isEqualTo("exec-42");
        // heartbeat and demo beat for nobody
        assertThat(cli().run("heartbeat", "--processor", "p", "--status", "running", "--heartbeat").exitCode())
                .isEqualTo(ExitCode.USAGE);
    }

    @Test
    void anUnwritableHeartbeatIsAWarningBoundedInTime() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        CliDriver.Result refused = new CliDriver(factory).env("FIRESTORE_EMULATOR_HOST", "127.0.0.1:" + closed)
                .run("staging-prune", "--sport", "nba", "--inventory", INVENTORY, "--heartbeat");
        assertThat(refused.exitCode()).as(refused.toString()).isZero();
        assertThat(refused.err()).contains("warning: own heartbeat props-ops-staging-prune-nba could not be written",
                "connection refused", "the job goes on without it");
        assertThat(refused.out()).contains("3 candidate(s)");

        // production Firestore that keeps answering UNAVAILABLE: the beat gives up at ops.monitoring.own-heartbeat.timeout
        long t0 = System.nanoTime();
        CliDriver.Result down = new CliDriver(factory).run("staging-prune", "--sport", "nba", "--inventory", INVENTORY,
                "--heartbeat", "--project", "nba-props-platform");
        long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
        assertThat(down.exitCode()).as(down.toString()).isZero();
        assertThat(down.err()).contains("warning: own heartbeat props-ops-staging-prune-nba (running) could not be written");
        assertThat(seconds).as(down.toString()).isLessThan(15);
        assertThat(down.err()).contains("DEADLINE_EXCEEDED: no answer within 6000 ms");
        assertThat(down.err()).as("one failed write: no second wait").doesNotContain("(failed) could not", "(completed) could not");
    }

    @Test
    void aMalformedIntervalIsAWarningAndTheBeatIsStillWritten() throws Exception {
        CliDriver.Result r = cli().env("PROPS_OPS_EXPECTED_INTERVAL", "every day")
                .run("staging-prune", "--sport", "nba", "--inventory", INVENTORY, "--heartbeat");
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).contains("PROPS_OPS_EXPECTED_INTERVAL='every day' is not a positive duration");
        assertThat(doc("props-ops-staging-prune-nba").getString("status")).isEqualTo("completed");
        assertThat(doc("props-ops-staging-prune-nba").get("expected_interval_seconds")).isNull();
    }

    @Test
    void driftCheckExportsCoverageChangePsiAndRowsPerDayAndKeepsItsExitCode(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path parquet = PlatformData.handoff().writeParquet(dir.resolve("handoff"));
        CliDriver.Result r = new CliDriver(factory).clock(java.time.Clock.fixed(Instant.parse("2026-02-10T12:00:00Z"),
                java.time.ZoneOffset.UTC)).env("GOOGLE_CLOUD_PROJECT", "nba-props-platform")
                .run("drift-check", "--sport", "nba", "--month", "2026-01", "--source", "parquet:" + parquet, "--export-metrics");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.FINDINGS);
        assertThat(r.err()).contains("exported ", "project nba-props-platform");
        Map<String, Double> coverage = written().stream()
                .filter(ts -> ts.getMetric().getType().equals(OpsMetric.DRIFT_COVERAGE.type()))
                .collect(Collectors.toMap(ts -> ts.getMetric().getLabelsMap().get("feature"), ts -> ts.getPoints(0).getValue().getDoubleValue()));
        assertThat(coverage).hasSize(34);
        assertThat(coverage.get("vegas_points_line")).isBetween(0.42, 0.45);
        TimeSeries change = written().stream().filter(ts -> ts.getMetric().getType().equals(OpsMetric.DRIFT_COVERAGE_CHANGE.type())
                && ts.getMetric().getLabelsMap().get("feature").equals("vegas_points_line")).findFirst().orElseThrow();
        assertThat(change.getPoints(0).getValue().getDoubleValue()).isBetween(-57.0, -55.0);
        assertThat(change.getMetric().getLabelsMap()).isEqualTo(Map.of("sport", "nba", "check", "feature-store",
                "feature", "vegas_points_line", "month", "2026-01"));
        assertThat(written()).filteredOn(ts -> ts.getMetric().getType().equals(OpsMetric.DRIFT_ROWS_PER_GAME_DAY.type()))
                .extracting(ts -> ts.getMetric().getLabelsMap().get("check")).contains("feature-store", "prop-line-context");
        assertThat(StandIns.monitoring.writes).allSatisfy(w -> assertThat(w.getTimeSeriesCount()).isLessThanOrEqualTo(200));
    }

    /** A Cloud Monitoring stand-in, and a production Firestore endpoint that is down. */
    public static class StandIns implements QuarkusTestResourceLifecycleManager {
        static MonitoringStandIn monitoring;
        static GrpcStandIn firestore;

        @Override
        public Map<String, String> start() {
            monitoring = new MonitoringStandIn();
            firestore = new GrpcStandIn().answerUnknownMethodsWith(Status.UNAVAILABLE.withDescription("maintenance"));
            return Map.of("ops.gcp.monitoring.endpoint", monitoring.endpoint(), "ops.gcp.monitoring.timeout", "5s",
                    "ops.gcp.firestore.endpoint", firestore.endpoint(), "ops.monitoring.own-heartbeat.timeout", "6s");
        }

        @Override
        public void stop() {
            monitoring.close();
            firestore.close();
        }
    }
}
