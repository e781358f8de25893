package dev.propsops.monitoring;

import java.time.Instant;
import java.util.List;

/**
 * Where metric points go: Cloud Monitoring in production ({@code cloud/CloudMonitoringSink}). Failures are
 * thrown as {@link dev.propsops.cli.StoreException}; the exporter turns them into warnings.
 */
public interface MetricSink {
    /** The IAM role writing needs: descriptors get/create and timeSeries.create are all in it. */
    String ROLE = "roles/monitoring.metricWriter";

    /** For messages, e.g. "Cloud Monitoring (project nba-props-platform)". */
    String describe();

    /** Makes sure the metric's descriptor exists with props-ops' kind, type and labels: get, else create. */
    void ensureDescriptor(OpsMetric metric);

    /** Writes one request: at most {@link MetricExporter#MAX_SERIES_PER_REQUEST} series, one point each, all at {@code end}. */
    void write(List<MetricPoint> points, Instant end);
}
