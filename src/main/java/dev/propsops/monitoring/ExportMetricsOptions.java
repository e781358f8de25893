package dev.propsops.monitoring;

import dev.propsops.cli.ErrorExplainer;
import dev.propsops.cli.Explanation;
import dev.propsops.cli.Invocation;
import dev.propsops.gcp.GcpAccess;
import dev.propsops.gcp.GcpConfig;
import dev.propsops.monitoring.cloud.CloudMonitoringSink;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/**
 * {@code --export-metrics} / {@code --no-export-metrics}, and the export itself: a job hands over its
 * report's gauges and goes on; whatever happens to them is a WARNING, never the job's exit code.
 * On by default on Cloud Run (CLOUD_RUN_JOB set), off elsewhere.
 */
@Dependent
@Unremovable
public class ExportMetricsOptions {
    @Option(names = "--export-metrics", negatable = true,
            description = "Write this run's figures to Cloud Monitoring as custom.googleapis.com/props_ops/... gauges "
                    + "(default: on on Cloud Run, off elsewhere). A failed export is a warning, never a failure.")
    Boolean export;

    @Inject
    GcpConfig gcp;

    @Inject
    MonitoringConfig config;

    public boolean enabled(Invocation invocation) {
        return export != null ? export : invocation.onCloudRun();
    }

    /**
     * Exports the points when enabled; never throws. The points are only computed when the export is on.
     *
     * @param project the project the job ran on, when it knows it (else the run's project is resolved)
     */
    public void export(Invocation invocation, Optional<String> project, Supplier<List<MetricPoint>> points) {
        if (!enabled(invocation)) {
            return;
        }
        try {
            List<MetricPoint> list = points.get();
            if (list.isEmpty()) {
                invocation.log().info("no metric points to export");
                return;
            }
            CloudMonitoringSink sink = CloudMonitoringSink.open(GcpAccess.of(project, gcp, invocation));
            new MetricExporter(sink, invocation.log(), invocation.clock(), config.maxSeriesPerMetric()).export(list);
        } catch (RuntimeException e) {
            Explanation x = ErrorExplainer.explain(e);
            invocation.log().warn("metrics not exported: " + x.message() + x.fix().map(f -> " (fix: " + f + ")").orElse("")
                    + "; the job's result is unchanged");
        }
    }
}
