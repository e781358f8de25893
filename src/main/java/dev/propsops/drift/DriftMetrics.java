package dev.propsops.drift;

import dev.propsops.drift.findings.Finding;
import dev.propsops.drift.findings.FindingStatus;
import dev.propsops.drift.report.DriftReport;
import dev.propsops.monitoring.MetricPoint;
import dev.propsops.monitoring.OpsMetric;
import java.util.ArrayList;
import java.util.List;

/**
 * drift-check's report as gauges, per check, feature and month: coverage, its change against the baseline,
 * PSI, and the check's rows per game day. A bootstrap month (no data by design) or an unknown-season one (no
 * known season says whether data was due) writes nothing, and a figure
 * the run could not compute (no PSI below the minimum of values, no change without a baseline) is left out
 * rather than written as 0.
 */
public final class DriftMetrics {
    private DriftMetrics() {
    }

    public static List<MetricPoint> of(DriftReport report) {
        String sport = report.sport().name();
        List<MetricPoint> points = new ArrayList<>();
        for (Finding f : report.findings()) {
            if (f.status() == FindingStatus.bootstrap || f.status() == FindingStatus.unknown_season) {
                // no data by design, or no one can tell whether data was due: a 0 on a dashboard would read as an outage
                continue;
            }
            String month = f.month().label();
            if (f.feature().isEmpty()) {
                points.add(MetricPoint.of(OpsMetric.DRIFT_ROWS_PER_GAME_DAY, f.current().rowsPerDay(),
                        "sport", sport, "check", f.check(), "month", month));
                continue;
            }
            String feature = f.feature().get();
            f.current().coverage().ifPresent(c -> points.add(MetricPoint.of(OpsMetric.DRIFT_COVERAGE, c,
                    "sport", sport, "check", f.check(), "feature", feature, "month", month)));
            f.coverageChangePoints().ifPresent(c -> points.add(MetricPoint.of(OpsMetric.DRIFT_COVERAGE_CHANGE, c,
                    "sport", sport, "check", f.check(), "feature", feature, "month", month)));
            f.psi().ifPresent(psi -> points.add(MetricPoint.of(OpsMetric.DRIFT_PSI, psi,
                    "sport", sport, "check", f.check(), "feature", feature, "month", month)));
        }
        return points;
    }
}
