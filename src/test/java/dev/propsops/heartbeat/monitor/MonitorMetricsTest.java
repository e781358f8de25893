package dev.propsops.heartbeat.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.propsops.cli.Severity;
import dev.propsops.monitoring.MetricPoint;
import dev.propsops.monitoring.OpsMetric;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MonitorMetricsTest {
    static final Instant NOW = Instant.parse("2026-02-01T04:00:00Z");

    static ProcessorHealth health(String name, ProcessorState state, Duration age, Duration interval) {
        return new ProcessorHealth(name, state, Optional.of("completed"), Optional.of(NOW.minus(age)), Optional.of(age), interval,
                Optional.of(age.minus(interval)), List.of());
    }

    static MonitorReport report(List<ProcessorHealth> processors, OptionalInt score, long size) {
        return new MonitorReport("collection processor_heartbeats", NOW, size, 50, processors, score, 70, List.of(),
                List.of(new MonitorReport.Finding(Severity.warn, "x")), 10);
    }

    static Map<String, Double> values(List<MetricPoint> points, OpsMetric metric, String label) {
        return points.stream().filter(p -> p.metric() == metric)
                .collect(Collectors.toMap(p -> label == null ? "" : p.labels().get(label), MetricPoint::value));
    }

    @Test
    void sizeScoreStatesAndEachProcessorsBeatAge() {
        HealthRules rules = new HealthRules(NOW, Duration.ofHours(26));
        List<ProcessorHealth> processors = List.of(
                health("nba-phase3-analytics-processors", ProcessorState.ok, Duration.ofHours(2), Duration.ofHours(26)),
                health("props-ops-heartbeat-cleanup", ProcessorState.stale, Duration.ofHours(60), Duration.ofHours(24)),
                health("mlb-phase5-predictions", ProcessorState.late, Duration.ofMinutes(40), Duration.ofMinutes(30)),
                rules.missing("nba-phase2-raw-processors"));
        List<MetricPoint> points = MonitorMetrics.of(report(processors, OptionalInt.of(38), 106034), "processor_heartbeats");

        assertThat(points).allSatisfy(p -> assertThat(p.labels()).containsEntry("collection", "processor_heartbeats"));
        assertThat(values(points, OpsMetric.HEARTBEAT_COLLECTION_SIZE, null)).containsExactly(Map.entry("", 106034.0));
        assertThat(values(points, OpsMetric.HEARTBEAT_HEALTH_SCORE, null)).containsExactly(Map.entry("", 38.0));
        assertThat(values(points, OpsMetric.HEARTBEAT_PROCESSORS, "state")).containsExactlyInAnyOrderEntriesOf(
                Map.of("ok", 1.0, "late", 1.0, "stale", 1.0, "failed", 0.0, "missing", 1.0));
        assertThat(values(points, OpsMetric.HEARTBEAT_SECONDS_SINCE_BEAT, "processor")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "nba-phase3-analytics-processors", 7200.0, "props-ops-heartbeat-cleanup", 216000.0, "mlb-phase5-predictions", 2400.0));
        assertThat(values(points, OpsMetric.HEARTBEAT_BEAT_AGE_INTERVALS, "processor")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "nba-phase3-analytics-processors", 0.077, "props-ops-heartbeat-cleanup", 2.5, "mlb-phase5-predictions", 1.333));
    }

    @Test
    void noProcessorMeansNoScoreRatherThanAZero() {
        List<MetricPoint> points = MonitorMetrics.of(report(List.of(), OptionalInt.empty(), 0), "c");
        assertThat(points).noneMatch(p -> p.metric() == OpsMetric.HEARTBEAT_HEALTH_SCORE);
        assertThat(values(points, OpsMetric.HEARTBEAT_PROCESSORS, "state")).hasSize(5).allSatisfy((k, v) -> assertThat(v).isZero());
        assertThat(values(points, OpsMetric.HEARTBEAT_COLLECTION_SIZE, null)).containsExactly(Map.entry("", 0.0));
    }

    @Test
    void aBeatFromTheFutureCountsAsJustNow() {
        List<MetricPoint> points = MonitorMetrics.of(report(List.of(health("p", ProcessorState.ok, Duration.ofSeconds(-30),
                Duration.ofHours(1))), OptionalInt.of(100), 1), "c");
        assertThat(values(points, OpsMetric.HEARTBEAT_SECONDS_SINCE_BEAT, "processor")).containsExactly(Map.entry("p", 0.0));
    }
}
