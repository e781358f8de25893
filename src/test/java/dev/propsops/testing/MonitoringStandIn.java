package dev.propsops.testing;

import com.google.api.MetricDescriptor;
import com.google.monitoring.v3.CreateMetricDescriptorRequest;
import com.google.monitoring.v3.CreateTimeSeriesRequest;
import com.google.monitoring.v3.GetMetricDescriptorRequest;
import com.google.monitoring.v3.MetricServiceGrpc;
import com.google.protobuf.Empty;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Cloud Monitoring's MetricService as a real gRPC server ({@link GrpcStandIn} over the generated
 * {@code MetricServiceImplBase}): it keeps the descriptors it is given, answers GetMetricDescriptor from
 * them (NOT_FOUND otherwise), records every request, and can refuse CreateTimeSeries with a chosen status.
 */
public final class MonitoringStandIn extends MetricServiceGrpc.MetricServiceImplBase implements AutoCloseable {
    public final Map<String, MetricDescriptor> descriptors = new ConcurrentHashMap<>();
    public final List<GetMetricDescriptorRequest> gets = new CopyOnWriteArrayList<>();
    public final List<CreateMetricDescriptorRequest> creates = new CopyOnWriteArrayList<>();
    public final List<CreateTimeSeriesRequest> writes = new CopyOnWriteArrayList<>();
    private final GrpcStandIn server;
    private volatile Status refuseWrites;
    private volatile Status refuseDescriptors;
    private final AtomicInteger refusalsLeft = new AtomicInteger();

    public MonitoringStandIn() {
        server = new GrpcStandIn(this);
    }

    /** {@code ops.gcp.monitoring.endpoint} for this server. */
    public String endpoint() {
        return server.endpoint();
    }

    public int port() {
        return server.port();
    }

    /** Every CreateTimeSeries from now on fails with {@code status}. */
    public MonitoringStandIn refuseWrites(Status status) {
        return refuseWrites(status, Integer.MAX_VALUE);
    }

    /** The next {@code times} CreateTimeSeries fail with {@code status}. */
    public MonitoringStandIn refuseWrites(Status status, int times) {
        refuseWrites = status;
        refusalsLeft.set(times);
        return this;
    }

    /** Every GetMetricDescriptor and CreateMetricDescriptor fails with {@code status}. */
    public MonitoringStandIn refuseDescriptors(Status status) {
        refuseDescriptors = status;
        return this;
    }

    public void reset() {
        descriptors.clear();
        gets.clear();
        creates.clear();
        writes.clear();
        refuseWrites = null;
        refuseDescriptors = null;
    }

    @Override
    public void getMetricDescriptor(GetMetricDescriptorRequest request, StreamObserver<MetricDescriptor> response) {
        gets.add(request);
        if (refuseDescriptors != null) {
            response.onError(refuseDescriptors.asRuntimeException());
            return;
        }
        String type = request.getName().replaceFirst("^projects/[^/]+/metricDescriptors/", "");
        MetricDescriptor d = descriptors.get(type);
        if (d == null) {
            response.onError(Status.NOT_FOUND.withDescription("Could not find descriptor for metric '" + type + "'.").asRuntimeException());
        } else {
            response.onNext(d);
            response.onCompleted();
        }
    }

    @Override
    public void createMetricDescriptor(CreateMetricDescriptorRequest request, StreamObserver<MetricDescriptor> response) {
        creates.add(request);
        if (refuseDescriptors != null) {
            response.onError(refuseDescriptors.asRuntimeException());
            return;
        }
        MetricDescriptor d = request.getMetricDescriptor().toBuilder()
                .setName(request.getName() + "/metricDescriptors/" + request.getMetricDescriptor().getType()).build();
        descriptors.put(d.getType(), d);
        response.onNext(d);
        response.onCompleted();
    }

    @Override
    public void createTimeSeries(CreateTimeSeriesRequest request, StreamObserver<Empty> response) {
        writes.add(request);
        Status refusal = refuseWrites;
        if (refusal != null && refusalsLeft.getAndDecrement() > 0) {
            response.onError(refusal.asRuntimeException());
            return;
        }
        response.onNext(Empty.getDefaultInstance());
        response.onCompleted();
    }

    @Override
    public void close() {
        server.close();
    }
}
