package dev.propsops.monitoring.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.LabelDescriptor;
import com.google.api.MetricDescriptor;
import com.google.monitoring.v3.CreateTimeSeriesRequest;
import com.google.monitoring.v3.TimeSeries;
import dev.propsops.cli.Invocation;
import dev.propsops.gcp.GcpAccess;
import dev.propsops.monitoring.MetricExporter;
import dev.propsops.monitoring.MetricPoint;
import dev.propsops.monitoring.OpsMetric;
import dev.propsops.testing.MonitoringStandIn;
import dev.propsops.testing.TestConfigs;
import io.grpc.Status;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The exporter with the real Monitoring client (gRPC: google-cloud-monitoring has no REST transport in
 * Java) against a real gRPC server built on the generated MetricServiceImplBase, asserting the requests.
 */
class CloudMonitoringExportTest {
    static final String PROJECT = "nba-props-platform";
    static MonitoringStandIn monitoring;

    final StringWriter err = new StringWriter();
    final MutableClock clock = new MutableClock(Instant.parse("2026-02-01T04:00:00.250Z"));
    Invocation invocation;

    @BeforeAll
    static void start() {
        monitoring = new MonitoringStandIn();
    }

    @AfterAll
    static void stop() {
        monitoring.close();
    }

    @BeforeEach
    void fresh() {
        monitoring.reset();
        invocation = new Invocation(new PrintWriter(new StringWriter()), new PrintWriter(err, true),
                new BufferedReader(new StringReader("")), Map.of(), clock, false);
    }

    @AfterEach
    void end() {
        invocation.end();
    }

    MetricExporter exporter(String endpoint, int maxSeries) {
        GcpAccess access = GcpAccess.of(Optional.of(PROJECT), TestConfigs.gcp(Map.of("ops.gcp.monitoring.endpoint", endpoint,
                "ops.gcp.monitoring.timeout", "5s")), invocation);
        return new MetricExporter(CloudMonitoringSink.open(access), invocation.log(), clock, maxSeries);
    }

    MetricExporter exporter() {
        return exporter(monitoring.endpoint(), 200);
    }

    static List<MetricPoint> processors(int n) {
        List<MetricPoint> points = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            points.add(MetricPoint.of(OpsMetric.HEARTBEAT_SECONDS_SINCE_BEAT, 60 + i, "collection", "processor_heartbeats",
                    "processor", "processor-" + i));
        }
        return points;
    }

    @Test
    void descriptorsAreCreatedOnFirstUseWithTheirKindTypeUnitAndLabels() {
        MetricExporter.Result r = exporter().export(List.of(
                MetricPoint.of(OpsMetric.HEARTBEAT_COLLECTION_SIZE, 106034, "collection", "processor_heartbeats"),
                MetricPoint.of(OpsMetric.DRIFT_COVERAGE, 0.434, "sport", "nba", "check", "feature-store",
                        "feature", "vegas_points_line", "month", "2026-01")));
        assertThat(r.clean()).as(err.toString()).isTrue();
        assertThat(r.written()).isEqualTo(2);
        assertThat(monitoring.gets).extracting(g -> g.getName()).containsExactly(
                "projects/" + PROJECT + "/metricDescriptors/custom.googleapis.com/props_ops/heartbeat/collection_size",
                "projects/" + PROJECT + "/metricDescriptors/custom.googleapis.com/props_ops/drift/coverage");
        assertThat(monitoring.creates).hasSize(2).allSatisfy(c -> assertThat(c.getName()).isEqualTo("projects/" + PROJECT));
        MetricDescriptor size = monitoring.creates.get(0).getMetricDescriptor();
        assertThat(size.getType()).isEqualTo("custom.googleapis.com/props_ops/heartbeat/collection_size");
        assertThat(size.getMetricKind()).isEqualTo(MetricDescriptor.MetricKind.GAUGE);
        assertThat(size.getValueType()).isEqualTo(MetricDescriptor.ValueType.INT64);
        assertThat(size.getUnit()).isEqualTo("1");
        assertThat(size.getDescription()).contains("heartbeat collection");
        assertThat(size.getLabelsList()).extracting(LabelDescriptor::getKey).containsExactly("collection");
        MetricDescriptor coverage = monitoring.creates.get(1).getMetricDescriptor();
        assertThat(coverage.getValueType()).isEqualTo(MetricDescriptor.ValueType.DOUBLE);
        assertThat(coverage.getLabelsList()).extracting(LabelDescriptor::getKey).containsExactly("sport", "check", "feature", "month");
        assertThat(coverage.getLabelsList()).allSatisfy(l -> assertThat(l.getValueType()).isEqualTo(LabelDescriptor.ValueType.STRING));
    }

    @Test
    void timeSeriesCarryTypeLabelsValueAndTheRunsEndTimeOnTheGlobalResource() {
        MetricExporter.Result r = exporter().export(List.of(
                MetricPoint.of(OpsMetric.HEARTBEAT_COLLECTION_SIZE, 106034, "collection", "processor_heartbeats"),
                MetricPoint.of(OpsMetric.DRIFT_COVERAGE, 0.434, "sport", "nba", "check", "feature-store",
                        "feature", "vegas_points_line", "month", "2026-01")));
        assertThat(r.written()).isEqualTo(2);
        assertThat(monitoring.writes).hasSize(1);
        CreateTimeSeriesRequest request = monitoring.writes.get(0);
        assertThat(request.getName()).isEqualTo("projects/" + PROJECT);
        TimeSeries size = request.getTimeSeries(0);
        assertThat(size.getMetric().getType()).isEqualTo("custom.googleapis.com/props_ops/heartbeat/collection_size");
        assertThat(size.getMetric().getLabelsMap()).isEqualTo(Map.of("collection", "processor_heartbeats"));
        assertThat(size.getResource().getType()).isEqualTo("global");
        assertThat(size.getResource().getLabelsMap()).isEqualTo(Map.of("project_id", PROJECT));
        assertThat(size.getMetricKind()).isEqualTo(MetricDescriptor.MetricKind.GAUGE);
        assertThat(size.getValueType()).isEqualTo(MetricDescriptor.ValueType.INT64);
        assertThat(size.getPointsList()).hasSize(1);
        assertThat(size.getPoints(0).getValue().getInt64Value()).isEqualTo(106034);
        assertThat(size.getPoints(0).getInterval().getEndTime().getSeconds()).isEqualTo(clock.instant().getEpochSecond());
        assertThat(size.getPoints(0).getInterval().getEndTime().getNanos()).isEqualTo(250_000_000);
        TimeSeries coverage = request.getTimeSeries(1);
        assertThat(coverage.getValueType()).isEqualTo(MetricDescriptor.ValueType.DOUBLE);
        assertThat(coverage.getPoints(0).getValue().getDoubleValue()).isEqualTo(0.434);
        assertThat(coverage.getMetric().getLabelsMap()).containsEntry("feature", "vegas_points_line").containsEntry("month", "2026-01");
        assertThat(coverage.getPoints(0).getInterval().getEndTime()).isEqualTo(size.getPoints(0).getInterval().getEndTime());
    }

    @Test
    void aboveTwoHundredSeriesTheWriteIsSplitAndNoSeriesIsSentTwice() {
        MetricExporter.Result r = exporter(monitoring.endpoint(), 1000).export(processors(450));
        assertThat(r.written()).isEqualTo(450);
        assertThat(monitoring.writes).extracting(CreateTimeSeriesRequest::getTimeSeriesCount).containsExactly(200, 200, 50);
        Set<String> seen = new HashSet<>();
        for (CreateTimeSeriesRequest w : monitoring.writes) {
            for (TimeSeries ts : w.getTimeSeriesList()) {
                assertThat(ts.getPointsCount()).isEqualTo(1);
                assertThat(seen.add(ts.getMetric().getLabelsMap().get("processor"))).as("sent twice").isTrue();
            }
        }
        assertThat(seen).hasSize(450);
        // the descriptor once, for the whole run
        assertThat(monitoring.gets).hasSize(1);
        assertThat(monitoring.creates).hasSize(1);
    }

    @Test
    void aPermissionDeniedWriteIsAWarningNamingTheRoleAndStopsTheExport() {
        monitoring.refuseWrites(Status.PERMISSION_DENIED.withDescription(
                "Permission monitoring.timeSeries.create denied (or the resource may not exist)."));
        MetricExporter.Result r = exporter(monitoring.endpoint(), 1000).export(processors(450));
        assertThat(r.written()).isZero();
        assertThat(r.notWritten()).isEqualTo(450);
        assertThat(monitoring.writes).as("the other requests would meet the same refusal").hasSize(1);
        assertThat(err.toString()).contains("warning: metric export: request 1 of 3 (200 series) not written",
                "PERMISSION_DENIED", "monitoring.timeSeries.create", "grant the caller (your user, or the job's service account) "
                        + "the IAM role roles/monitoring.metricWriter", "the remaining 250 series were not tried",
                "the job's result is unchanged");
        assertThat(err.toString()).doesNotContain("Exception");
    }

    @Test
    void aRefusedRequestDoesNotStopTheOthers() {
        monitoring.refuseWrites(Status.INVALID_ARGUMENT.withDescription("One or more points were written more frequently "
                + "than the maximum sampling period configured for the metric."), 1);
        MetricExporter.Result r = exporter(monitoring.endpoint(), 1000).export(processors(450));
        assertThat(monitoring.writes).hasSize(3);
        assertThat(r.written()).isEqualTo(250);
        assertThat(r.notWritten()).isEqualTo(200);
        assertThat(err.toString()).contains("INVALID_ARGUMENT", "written more frequently");
    }

    @Test
    void aDescriptorOfAnotherTypeIsNamedAndItsMetricSkippedWhileTheOthersAreWritten() {
        monitoring.descriptors.put(OpsMetric.HEARTBEAT_HEALTH_SCORE.type(), MetricDescriptor.newBuilder()
                .setType(OpsMetric.HEARTBEAT_HEALTH_SCORE.type()).setMetricKind(MetricDescriptor.MetricKind.GAUGE)
                .setValueType(MetricDescriptor.ValueType.DOUBLE).build());
        MetricExporter.Result r = exporter().export(List.of(
                MetricPoint.of(OpsMetric.HEARTBEAT_HEALTH_SCORE, 95, "collection", "processor_heartbeats"),
                MetricPoint.of(OpsMetric.HEARTBEAT_COLLECTION_SIZE, 33, "collection", "processor_heartbeats")));
        assertThat(r.written()).isEqualTo(1);
        assertThat(r.notWritten()).isEqualTo(1);
        assertThat(monitoring.writes.get(0).getTimeSeriesList()).extracting(ts -> ts.getMetric().getType())
                .containsExactly(OpsMetric.HEARTBEAT_COLLECTION_SIZE.type());
        assertThat(err.toString()).contains("it exists as GAUGE DOUBLE, props-ops writes GAUGE INT64",
                "gcloud monitoring metrics-descriptors delete " + OpsMetric.HEARTBEAT_HEALTH_SCORE.type());
    }

    @Test
    void aDescriptorLackingALabelIsUpdatedAndAMatchingOneIsLeftAlone() {
        monitoring.descriptors.put(OpsMetric.HEARTBEAT_PROCESSORS.type(), CloudMonitoringSink.descriptor(OpsMetric.HEARTBEAT_PROCESSORS)
                .toBuilder().removeLabels(1).build());
        monitoring.descriptors.put(OpsMetric.HEARTBEAT_COLLECTION_SIZE.type(), CloudMonitoringSink.descriptor(OpsMetric.HEARTBEAT_COLLECTION_SIZE));
        exporter().export(List.of(
                MetricPoint.of(OpsMetric.HEARTBEAT_PROCESSORS, 3, "collection", "c", "state", "ok"),
                MetricPoint.of(OpsMetric.HEARTBEAT_COLLECTION_SIZE, 3, "collection", "c")));
        assertThat(monitoring.creates).extracting(c -> c.getMetricDescriptor().getType())
                .containsExactly(OpsMetric.HEARTBEAT_PROCESSORS.type());
        assertThat(monitoring.descriptors.get(OpsMetric.HEARTBEAT_PROCESSORS.type()).getLabelsList())
                .extracting(LabelDescriptor::getKey).containsExactly("collection", "state");
    }

    @Test
    void aRepeatedSeriesIsWrittenOnceAndASeriesWrittenLessThanFiveSecondsAgoIsSkipped() {
        MetricExporter exporter = exporter();
        MetricPoint first = MetricPoint.of(OpsMetric.HEARTBEAT_COLLECTION_SIZE, 40, "collection", "c");
        MetricPoint again = MetricPoint.of(OpsMetric.HEARTBEAT_COLLECTION_SIZE, 41, "collection", "c");
        MetricExporter.Result r = exporter.export(List.of(first, again));
        assertThat(r.written()).isEqualTo(1);
        assertThat(monitoring.writes.get(0).getTimeSeries(0).getPoints(0).getValue().getInt64Value()).isEqualTo(41);
        assertThat(err.toString()).contains("1 repeated series dropped");

        clock.advance(Duration.ofSeconds(4));
        MetricExporter.Result tooSoon = exporter.export(List.of(first));
        assertThat(tooSoon.written()).isZero();
        assertThat(monitoring.writes).hasSize(1);
        assertThat(err.toString()).contains("written less than 5 s ago");

        clock.advance(Duration.ofSeconds(1));
        assertThat(exporter.export(List.of(first)).written()).isEqualTo(1);
        assertThat(monitoring.writes).hasSize(2);
        assertThat(monitoring.gets).as("descriptors are cached within the run").hasSize(1);
    }

    @Test
    void aMetricFedByUnboundedDataIsCapped() {
        MetricExporter.Result r = exporter(monitoring.endpoint(), 30).export(processors(45));
        assertThat(r.written()).isEqualTo(30);
        assertThat(r.notWritten()).isEqualTo(15);
        assertThat(err.toString()).contains("15 series of custom.googleapis.com/props_ops/heartbeat/seconds_since_beat dropped",
                "ops.monitoring.max-series-per-metric");
    }

    @Test
    void anUnreachableEndpointIsAWarningWithinTheDeadline() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        long t0 = System.nanoTime();
        MetricExporter.Result r = exporter("http://127.0.0.1:" + port, 200).export(processors(3));
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(20));
        assertThat(r.written()).isZero();
        assertThat(r.notWritten()).isEqualTo(3);
        assertThat(err.toString()).contains("warning: metric export:", "UNAVAILABLE", "the job's result is unchanged");
    }

    /** A clock the test moves. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
