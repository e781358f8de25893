package dev.propsops.monitoring.cloud;

import com.google.api.LabelDescriptor;
import com.google.api.Metric;
import com.google.api.MetricDescriptor;
import com.google.api.MonitoredResource;
import com.google.api.gax.rpc.NotFoundException;
import com.google.cloud.monitoring.v3.MetricServiceClient;
import com.google.cloud.monitoring.v3.MetricServiceSettings;
import com.google.monitoring.v3.CreateTimeSeriesRequest;
import com.google.monitoring.v3.Point;
import com.google.monitoring.v3.ProjectName;
import com.google.monitoring.v3.TimeInterval;
import com.google.monitoring.v3.TimeSeries;
import com.google.monitoring.v3.TypedValue;
import com.google.protobuf.Timestamp;
import dev.propsops.cli.StoreException;
import dev.propsops.gcp.GcpAccess;
import dev.propsops.gcp.GoogleApi;
import dev.propsops.monitoring.DescriptorMismatch;
import dev.propsops.monitoring.MetricPoint;
import dev.propsops.monitoring.MetricSink;
import dev.propsops.monitoring.OpsMetric;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Cloud Monitoring through the real {@code google-cloud-monitoring} client (gRPC: this client has no REST
 * transport). Points are gauges on the {@code global} resource of the project: the series a props-ops job
 * writes are told apart by their metric labels, not by where the job ran.
 */
public final class CloudMonitoringSink implements MetricSink, AutoCloseable {
    private final MetricServiceClient client;
    private final String project;
    private final String where;

    CloudMonitoringSink(MetricServiceClient client, String project, String where) {
        this.client = client;
        this.project = project;
        this.where = where;
    }

    /** A sink on the run's Cloud Monitoring endpoint ({@code ops.gcp.monitoring.endpoint}), closed when the run ends. */
    public static CloudMonitoringSink open(GcpAccess access) {
        String project = access.projectId();
        String where = "Cloud Monitoring (project " + project + ", " + access.endpoint(GoogleApi.MONITORING).describe() + ")";
        try {
            MetricServiceSettings.Builder b = access.configure(GoogleApi.MONITORING, MetricServiceSettings.newBuilder());
            b.applyToAllUnaryMethods(m -> {
                m.setRetrySettings(access.retrySettings(GoogleApi.MONITORING));
                return null;
            });
            return access.invocation().closeAtEnd(new CloudMonitoringSink(MetricServiceClient.create(b.build()), project, where));
        } catch (IOException e) {
            throw new StoreException("open the Monitoring client", where, null, e);
        }
    }

    @Override
    public String describe() {
        return where;
    }

    @Override
    public void ensureDescriptor(OpsMetric metric) {
        String name = ProjectName.of(project) + "/metricDescriptors/" + metric.type();
        MetricDescriptor wanted = descriptor(metric);
        MetricDescriptor existing;
        try {
            existing = client.getMetricDescriptor(name);
        } catch (NotFoundException e) {
            create(metric, wanted);
            return;
        } catch (RuntimeException e) {
            throw new StoreException("get metric descriptor " + metric.type() + " (monitoring.metricDescriptors.get)", where, ROLE, e);
        }
        if (existing.getMetricKind() != wanted.getMetricKind() || existing.getValueType() != wanted.getValueType()) {
            throw new StoreException("check metric descriptor " + metric.type(), where, ROLE, new DescriptorMismatch(
                    "it exists as " + existing.getMetricKind() + " " + existing.getValueType() + ", props-ops writes "
                            + wanted.getMetricKind() + " " + wanted.getValueType() + ": delete the old descriptor "
                            + "(its data is lost) with `gcloud monitoring metrics-descriptors delete " + metric.type() + "`"));
        }
        Set<String> labels = existing.getLabelsList().stream().map(LabelDescriptor::getKey).collect(Collectors.toSet());
        if (!labels.containsAll(metric.labels())) {
            // create updates an existing descriptor, adding labels (it never removes one)
            create(metric, wanted);
        }
    }

    private void create(OpsMetric metric, MetricDescriptor wanted) {
        try {
            client.createMetricDescriptor(ProjectName.of(project), wanted);
        } catch (RuntimeException e) {
            throw new StoreException("create metric descriptor " + metric.type() + " (monitoring.metricDescriptors.create)", where,
                    ROLE, e);
        }
    }

    static MetricDescriptor descriptor(OpsMetric metric) {
        MetricDescriptor.Builder d = MetricDescriptor.newBuilder()
                .setType(metric.type())
                .setMetricKind(MetricDescriptor.MetricKind.GAUGE)
                .setValueType(metric.valueType() == OpsMetric.ValueType.INT64 ? MetricDescriptor.ValueType.INT64
                        : MetricDescriptor.ValueType.DOUBLE)
                .setUnit(metric.unit())
                .setDisplayName(metric.displayName())
                .setDescription(metric.description());
        for (String label : metric.labels()) {
            d.addLabels(LabelDescriptor.newBuilder().setKey(label).setValueType(LabelDescriptor.ValueType.STRING));
        }
        return d.build();
    }

    @Override
    public void write(List<MetricPoint> points, Instant end) {
        Timestamp at = Timestamp.newBuilder().setSeconds(end.getEpochSecond()).setNanos(end.getNano()).build();
        MonitoredResource resource = MonitoredResource.newBuilder().setType("global").putLabels("project_id", project).build();
        CreateTimeSeriesRequest.Builder request = CreateTimeSeriesRequest.newBuilder().setName(ProjectName.of(project).toString());
        for (MetricPoint p : points) {
            TypedValue value = p.metric().valueType() == OpsMetric.ValueType.INT64
                    ? TypedValue.newBuilder().setInt64Value(p.longValue()).build()
                    : TypedValue.newBuilder().setDoubleValue(p.value()).build();
            request.addTimeSeries(TimeSeries.newBuilder()
                    .setMetric(Metric.newBuilder().setType(p.metric().type()).putAllLabels(p.labels()))
                    .setResource(resource)
                    .setMetricKind(MetricDescriptor.MetricKind.GAUGE)
                    .setValueType(p.metric().valueType() == OpsMetric.ValueType.INT64 ? MetricDescriptor.ValueType.INT64
                            : MetricDescriptor.ValueType.DOUBLE)
                    .addPoints(Point.newBuilder().setInterval(TimeInterval.newBuilder().setEndTime(at)).setValue(value)));
        }
        try {
            client.createTimeSeries(request.build());
        } catch (RuntimeException e) {
            throw new StoreException("write " + points.size() + " time series (monitoring.timeSeries.create)", where, ROLE, e);
        }
    }

    @Override
    public void close() {
        client.close();
    }

    @Override
    public String toString() {
        return where;
    }
}
