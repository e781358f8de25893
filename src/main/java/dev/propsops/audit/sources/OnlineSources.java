package dev.propsops.audit.sources;

import com.google.cloud.bigquery.BigQuery;
import dev.propsops.audit.bigquery.DatasetLister;
import dev.propsops.audit.bigquery.JobHistory;
import dev.propsops.audit.bigquery.gcp.BigQueryDatasetLister;
import dev.propsops.audit.bigquery.gcp.BigQueryJobHistory;
import dev.propsops.audit.budget.BudgetSource;
import dev.propsops.audit.budget.gcp.CloudBillingBudgetSource;
import dev.propsops.audit.cloudrun.ScheduleSource;
import dev.propsops.audit.storage.BucketSource;
import dev.propsops.audit.storage.gcp.GcsBucketSource;
import dev.propsops.audit.summaries.HeartbeatSource;
import dev.propsops.audit.summaries.LogTriageRun;
import dev.propsops.audit.summaries.LogsSource;
import dev.propsops.logs.LogsConfig;
import dev.propsops.logs.findings.CloudRunAccounts;
import dev.propsops.logs.source.logging.CloudLoggingSource;
import dev.propsops.logs.source.logging.LogFilter;
import dev.propsops.cli.Invocation;
import dev.propsops.cloudrun.CloudRunReader;
import dev.propsops.cloudrun.admin.AdminApiReader;
import dev.propsops.gcp.BigQueryConnector;
import dev.propsops.gcp.BigQuerySettings;
import dev.propsops.gcp.BigQueryTarget;
import dev.propsops.gcp.FirestoreSession;
import dev.propsops.gcp.GcpAccess;
import dev.propsops.heartbeat.HeartbeatConfig;
import dev.propsops.heartbeat.monitor.FirestoreMonitorStore;
import dev.propsops.heartbeat.monitor.MonitorService;
import dev.propsops.staging.bigquery.BigQueryTableCatalog;
import java.time.Instant;
import java.util.Optional;

/**
 * The checks' sources on Google Cloud, through the run's {@link GcpAccess}: every client is made on first
 * use and closed when the run ends, so a check that is not chosen opens nothing, and one whose client cannot
 * be made is skipped alone.
 */
public final class OnlineSources implements AuditSources {
    private final GcpAccess access;
    private final String project;
    private final String region;
    private final long maxBytes;
    private final Optional<String> configuredNumber;
    private final HeartbeatConfig heartbeat;
    private final Instant now;
    private final LogsConfig logs;
    private BigQuery bigquery;
    private BigQueryTarget target;
    private DatasetTables tables;
    private AdminApiReader cloudRun;
    private GcsBucketSource buckets;
    private CloudBillingBudgetSource budgets;

    public OnlineSources(GcpAccess access, String region, long maxBytes, Optional<String> configuredNumber,
            HeartbeatConfig heartbeat, LogsConfig logs, Instant now) {
        this.logs = logs;
        this.access = access;
        this.project = access.projectId();
        this.region = region;
        this.maxBytes = maxBytes;
        this.configuredNumber = configuredNumber;
        this.heartbeat = heartbeat;
        this.now = now;
    }

    @Override
    public String describe() {
        return "Google Cloud";
    }

    @Override
    public boolean offline() {
        return false;
    }

    private synchronized BigQuery bigquery() {
        if (bigquery == null) {
            BigQuerySettings s = access.config().bigQuerySettings();
            target = new BigQueryTarget(project, s.location(), s.host(), s.maxAttempts());
            bigquery = BigQueryConnector.connect(target, s, access);
        }
        return bigquery;
    }

    @Override
    public JobHistory jobHistory() {
        BigQuery client = bigquery();
        return new BigQueryJobHistory(client, target, maxBytes);
    }

    @Override
    public DatasetLister datasets() {
        BigQuery client = bigquery();
        return new BigQueryDatasetLister(client, target);
    }

    @Override
    public synchronized DatasetTables tables() {
        if (tables == null) {
            BigQuery client = bigquery();
            tables = new DatasetTables(new BigQueryTableCatalog(client, target), d -> true);
        }
        return tables;
    }

    private synchronized AdminApiReader cloudRun() {
        if (cloudRun == null) {
            cloudRun = access.invocation().closeAtEnd(AdminApiReader.open(access, region));
        }
        return cloudRun;
    }

    @Override
    public CloudRunReader services() {
        return cloudRun();
    }

    @Override
    public CloudRunReader jobs() {
        return cloudRun();
    }

    @Override
    public ScheduleSource schedules() {
        return new ScheduleSource() {
            @Override
            public String describe() {
                return "no scheduler list (the Cloud Scheduler API is not read online)";
            }

            @Override
            public java.util.Map<String, java.time.Duration> intervals() {
                return java.util.Map.of();
            }
        };
    }

    @Override
    public synchronized BucketSource buckets() {
        if (buckets == null) {
            buckets = access.invocation().closeAtEnd(new GcsBucketSource(access, project, now));
        }
        return buckets;
    }

    @Override
    public synchronized BudgetSource budgets() {
        if (budgets == null) {
            budgets = access.invocation().closeAtEnd(new CloudBillingBudgetSource(access));
        }
        return budgets;
    }

    @Override
    public HeartbeatSource heartbeats() {
        return at -> {
            Invocation invocation = access.invocation();
            try (FirestoreSession session = FirestoreSession.open(Optional.of(project), false, access.config(), invocation)) {
                MonitorService.Limits limits = new MonitorService.Limits(heartbeat.monitor().maxDocs(), heartbeat.monitor().minScore(),
                        heartbeat.defaultExpectedInterval(), heartbeat.monitor().legacyWindow(), heartbeat.monitor().fullReadLimit());
                if (session.target().onEmulator()) {
                    limits = limits.withFullReadLimit(Long.MAX_VALUE);
                }
                return new MonitorService(new FirestoreMonitorStore(session.client(), heartbeat.collection())).check(at, limits);
            }
        };
    }

    @Override
    public LogsSource logs() {
        LogFilter filter = new LogFilter(LogTriageRun.severity(logs), logs.resourceTypes(), java.util.List.of(), Optional.empty());
        CloudLoggingSource source = CloudLoggingSource.open(access, filter, new CloudLoggingSource.Paging(logs.pageSize(),
                logs.quotaAttempts(), logs.quotaBackoff(), logs.quotaMaxBackoff()), logs.requestsPerSecond());
        return new LogTriageRun(source, new CloudRunAccounts("the Cloud Run Admin API", r -> r.isEmpty() || r.equals(region) ? cloudRun()
                : access.invocation().closeAtEnd(AdminApiReader.open(access, r)), true), logs, Optional.of(project), access.invocation());
    }

    @Override
    public Optional<String> projectNumber() {
        return configuredNumber.or(() -> buckets().projectNumber());
    }
}
