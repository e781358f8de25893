package dev.propsops.drift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.propsops.drift.check.TableRef;
import dev.propsops.drift.findings.Finding;
import dev.propsops.drift.findings.FindingStatus;
import dev.propsops.drift.plan.Period;
import dev.propsops.drift.report.DriftReport;
import dev.propsops.drift.season.ScheduleRead;
import dev.propsops.drift.season.SeasonCalendar;
import dev.propsops.monitoring.MetricPoint;
import dev.propsops.monitoring.OpsMetric;
import dev.propsops.sport.Sport;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class DriftMetricsTest {
    static final TableRef STORE = new TableRef("nba_predictions", "ml_feature_store_v2");
    static final Period JAN26 = new Period("2026-01", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31));
    static final Period JAN25 = new Period("2025-01", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 31));
    static final Period OCT25 = new Period("2025-10", LocalDate.of(2025, 10, 1), LocalDate.of(2025, 10, 31));

    static Finding feature(String name, Period month, double coverage, OptionalDouble baseline, OptionalDouble psi, FindingStatus s) {
        return new Finding("feature-store", STORE, Optional.of(name), month, JAN25,
                new Finding.Figures(14260, 31, OptionalDouble.of(coverage), OptionalDouble.of(20)),
                new Finding.Figures(6200, 31, baseline, OptionalDouble.of(20)), psi, s, List.of(), "x");
    }

    static DriftReport report(List<Finding> findings) {
        return new DriftReport(Sport.nba, null, "test", OptionalLong.empty(), findings, Optional.empty(), List.of(), List.of(),
                new SeasonCalendar(Map.of(), 14), ScheduleRead.notConfigured(), List.of());
    }

    @Test
    void coverageItsChangePsiAndRowsPerDayPerCheckFeatureAndMonth() {
        List<MetricPoint> points = DriftMetrics.of(report(List.of(
                feature("vegas_points_line", JAN26, 0.434, OptionalDouble.of(0.994), OptionalDouble.of(1.7), FindingStatus.critical),
                new Finding("feature-store", STORE, Optional.empty(), JAN26, JAN25, new Finding.Figures(14260, 31, OptionalDouble.empty(),
                        OptionalDouble.empty()), new Finding.Figures(6200, 31, OptionalDouble.empty(), OptionalDouble.empty()),
                        OptionalDouble.empty(), FindingStatus.warn, List.of("rows_per_day"), "x"))));
        Map<OpsMetric, Double> byMetric = new java.util.EnumMap<>(OpsMetric.class);
        points.forEach(p -> byMetric.put(p.metric(), p.value()));
        assertThat(byMetric).containsOnlyKeys(OpsMetric.DRIFT_COVERAGE, OpsMetric.DRIFT_COVERAGE_CHANGE, OpsMetric.DRIFT_PSI,
                OpsMetric.DRIFT_ROWS_PER_GAME_DAY);
        assertThat(byMetric.get(OpsMetric.DRIFT_COVERAGE)).isEqualTo(0.434);
        assertThat(byMetric.get(OpsMetric.DRIFT_COVERAGE_CHANGE)).isCloseTo(-56.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(byMetric.get(OpsMetric.DRIFT_PSI)).isEqualTo(1.7);
        assertThat(byMetric.get(OpsMetric.DRIFT_ROWS_PER_GAME_DAY)).isEqualTo(460.0);
        assertThat(points.get(0).labels()).isEqualTo(Map.of("sport", "nba", "check", "feature-store", "feature", "vegas_points_line",
                "month", "2026-01"));
        assertThat(points.get(3).labels()).isEqualTo(Map.of("sport", "nba", "check", "feature-store", "month", "2026-01"));
    }

    @Test
    void whatCouldNotBeMeasuredIsLeftOutAndABootstrapMonthWritesNothing() {
        List<MetricPoint> points = DriftMetrics.of(report(List.of(
                feature("vegas_points_line", JAN26, 0.9, OptionalDouble.empty(), OptionalDouble.empty(), FindingStatus.no_baseline),
                feature("has_vegas_line", OCT25, 0, OptionalDouble.of(0.99), OptionalDouble.empty(), FindingStatus.bootstrap),
                new Finding("feature-store", STORE, Optional.empty(), OCT25, JAN25, new Finding.Figures(0, 0, OptionalDouble.empty(),
                        OptionalDouble.empty()), new Finding.Figures(6200, 31, OptionalDouble.empty(), OptionalDouble.empty()),
                        OptionalDouble.empty(), FindingStatus.unknown_season, List.of("unknown_season"), "x"))));
        assertThat(points).extracting(MetricPoint::metric).containsExactly(OpsMetric.DRIFT_COVERAGE);
        assertThat(points.get(0).labels()).containsEntry("feature", "vegas_points_line");
    }
}
