package dev.propsops.staging;

import dev.propsops.monitoring.MetricPoint;
import dev.propsops.monitoring.OpsMetric;
import java.util.ArrayList;
import java.util.List;

/**
 * staging-prune's report as gauges: candidates and their bytes per dataset. Only datasets that were read
 * are written: a dataset that failed has no figure, and a 0 there would read as "clean".
 */
public final class StagingMetrics {
    private StagingMetrics() {
    }

    public static List<MetricPoint> of(PruneReport report) {
        List<MetricPoint> points = new ArrayList<>();
        for (DatasetResult d : report.plan().datasets()) {
            if (d.status() != DatasetResult.Status.OK) {
                continue;
            }
            long count = 0;
            long bytes = 0;
            for (PlannedTable t : report.plan().tables()) {
                if (t.candidate() && t.table().dataset().equals(d.dataset())) {
                    count++;
                    bytes += t.table().sizeBytes();
                }
            }
            points.add(MetricPoint.of(OpsMetric.STAGING_CANDIDATES, count, "sport", report.sport(), "dataset", d.dataset()));
            points.add(MetricPoint.of(OpsMetric.STAGING_CANDIDATE_BYTES, bytes, "sport", report.sport(), "dataset", d.dataset()));
        }
        return points;
    }
}
