package dev.propsops.audit.storage.gcp;

import com.google.api.gax.rpc.ApiException;
import com.google.cloud.monitoring.v3.MetricServiceClient;
import com.google.cloud.monitoring.v3.MetricServiceSettings;
import com.google.cloud.storage.BucketInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageException;
import com.google.cloud.storage.StorageOptions;
import com.google.monitoring.v3.ListTimeSeriesRequest;
import com.google.monitoring.v3.Point;
import com.google.monitoring.v3.TimeInterval;
import com.google.monitoring.v3.TimeSeries;
import com.google.protobuf.Timestamp;
import dev.propsops.audit.storage.Bucket;
import dev.propsops.audit.storage.BucketSource;
import dev.propsops.cli.StoreException;
import dev.propsops.gcp.GcpAccess;
import dev.propsops.gcp.GoogleApi;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Buckets through the Storage JSON API (one {@code buckets.list} per 1,000 buckets, only the fields the audit
 * reads) and their sizes through Cloud Monitoring: ONE {@code timeSeries.list} for every bucket, filtered on
 * {@code storage.googleapis.com/storage/total_bytes} over the last 25 hours (the gauge is written once a day),
 * the newest point of each series summed per bucket over its storage classes. Never a call per object.
 */
public final class GcsBucketSource implements BucketSource, AutoCloseable {
    static final String BUCKET_ROLE = "roles/storage.bucketViewer (or roles/storage.legacyBucketReader on each bucket)";
    static final String MONITORING_ROLE = "roles/monitoring.viewer";
    static final String METRIC = "storage.googleapis.com/storage/total_bytes";
    static final Duration WINDOW = Duration.ofHours(25);

    private final GcpAccess access;
    private final String project;
    private final Instant now;
    private List<Bucket> buckets;
    private Optional<String> projectNumber = Optional.empty();
    private MetricServiceClient monitoring;

    public GcsBucketSource(GcpAccess access, String project, Instant now) {
        this.access = access;
        this.project = project;
        this.now = now;
    }

    @Override
    public String describe() {
        return "Cloud Storage and Cloud Monitoring (project " + project + ")";
    }

    @Override
    public synchronized List<Bucket> buckets() {
        if (buckets != null) {
            return buckets;
        }
        Storage storage = StorageOptions.http().setProjectId(project).setHost(access.endpoint(GoogleApi.STORAGE).url())
                .setCredentials(access.credentials(GoogleApi.STORAGE)).setRetrySettings(access.retrySettings(GoogleApi.STORAGE))
                .build().getService();
        List<Bucket> out = new ArrayList<>();
        try {
            for (com.google.cloud.storage.Bucket b : storage.list(Storage.BucketListOption.pageSize(1000),
                    Storage.BucketListOption.fields(Storage.BucketField.NAME, Storage.BucketField.LOCATION,
                            Storage.BucketField.STORAGE_CLASS, Storage.BucketField.LIFECYCLE, Storage.BucketField.AUTOCLASS,
                            Storage.BucketField.PROJECT)).iterateAll()) {
                out.add(bucket(b));
                BigInteger n = b.getProject();
                if (n != null && projectNumber.isEmpty()) {
                    projectNumber = Optional.of(n.toString());
                }
            }
        } catch (StorageException e) {
            throw new StoreException("list buckets", "Cloud Storage at " + access.endpoint(GoogleApi.STORAGE).describe()
                    + " (project " + project + ")", BUCKET_ROLE, e);
        } finally {
            try {
                storage.close();
            } catch (Exception e) {
                // nothing held open that matters
            }
        }
        buckets = List.copyOf(out);
        return buckets;
    }

    static Bucket bucket(BucketInfo b) {
        int rules = b.getLifecycleRules() == null ? 0 : b.getLifecycleRules().size();
        if (rules == 0 && b.getDeleteRules() != null) {
            rules = b.getDeleteRules().size();
        }
        boolean autoclass = b.getAutoclass() != null && Boolean.TRUE.equals(b.getAutoclass().getEnabled());
        return new Bucket(b.getName(), b.getLocation() == null ? "" : b.getLocation(),
                b.getStorageClass() == null ? "" : b.getStorageClass().name(), rules, autoclass);
    }

    @Override
    public synchronized Map<String, Long> sizes() {
        Map<String, Long> sizes = new TreeMap<>();
        try {
            if (monitoring == null) {
                MetricServiceSettings.Builder b = access.configure(GoogleApi.MONITORING, MetricServiceSettings.newBuilder());
                b.applyToAllUnaryMethods(m -> {
                    m.setRetrySettings(access.retrySettings(GoogleApi.MONITORING));
                    return null;
                });
                monitoring = MetricServiceClient.create(b.build());
            }
            ListTimeSeriesRequest request = ListTimeSeriesRequest.newBuilder().setName("projects/" + project)
                    .setFilter("metric.type=\"" + METRIC + "\" AND resource.type=\"gcs_bucket\"")
                    .setInterval(TimeInterval.newBuilder().setStartTime(ts(now.minus(WINDOW))).setEndTime(ts(now)))
                    .setView(ListTimeSeriesRequest.TimeSeriesView.FULL).setPageSize(10_000).build();
            for (TimeSeries s : monitoring.listTimeSeries(request).iterateAll()) {
                String bucket = s.getResource().getLabelsOrDefault("bucket_name", "");
                // points come newest first
                if (bucket.isEmpty() || s.getPointsCount() == 0) {
                    continue;
                }
                Point p = s.getPoints(0);
                long bytes = p.getValue().hasDoubleValue() ? Math.round(p.getValue().getDoubleValue()) : p.getValue().getInt64Value();
                sizes.merge(bucket, bytes, Long::sum);
            }
        } catch (ApiException e) {
            throw new StoreException("read " + METRIC, "Cloud Monitoring at " + access.endpoint(GoogleApi.MONITORING).describe()
                    + " (project " + project + ")", MONITORING_ROLE, e);
        } catch (IOException e) {
            throw new StoreException("open the Cloud Monitoring client", "Cloud Monitoring (project " + project + ")",
                    MONITORING_ROLE, e);
        }
        return sizes;
    }

    @Override
    public Optional<String> projectNumber() {
        try {
            buckets();
        } catch (StoreException e) {
            return Optional.empty();
        }
        return projectNumber;
    }

    private static Timestamp ts(Instant i) {
        return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
    }

    @Override
    public synchronized void close() {
        if (monitoring != null) {
            monitoring.close();
        }
    }
}
