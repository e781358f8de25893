package dev.propsops.audit.sources;

import dev.propsops.audit.bigquery.DatasetLister;
import dev.propsops.audit.bigquery.JobHistory;
import dev.propsops.audit.budget.BudgetSource;
import dev.propsops.audit.cloudrun.ScheduleSource;
import dev.propsops.audit.storage.BucketSource;
import dev.propsops.audit.summaries.HeartbeatSource;
import dev.propsops.audit.summaries.LogsSource;
import dev.propsops.cloudrun.CloudRunReader;
import java.util.Optional;

/**
 * Where the checks read from: Google Cloud ({@link OnlineSources}, clients made on first use) or the files of
 * an export directory ({@link ExportSources}, one file per kind). Each accessor throws
 * {@link dev.propsops.audit.CheckSkipped} when its source is not there (no file, no such API here), so only
 * the checks that read it are skipped.
 */
public interface AuditSources {
    /** "Google Cloud (project p)" or "export directory DIR", for the report. */
    String describe();

    /** True for an export directory: no credentials, no network. */
    boolean offline();

    JobHistory jobHistory();

    DatasetLister datasets();

    /** Tables per dataset (staging-prune's catalogs); reads of one dataset are shared by the checks. */
    DatasetTables tables();

    /** Cloud Run services ({@code services()}, {@code revisionCounts()}). */
    CloudRunReader services();

    /** Cloud Run jobs with their latest executions ({@code jobs()}). */
    CloudRunReader jobs();

    /** Schedules of Cloud Run jobs beyond the configured intervals (an export's schedulers.json). */
    ScheduleSource schedules();

    BucketSource buckets();

    BudgetSource budgets();

    HeartbeatSource heartbeats();

    /** log-triage on Cloud Logging, or on the export's logs.json. */
    LogsSource logs();

    /** The project number, when a source tells it (project.json; online a bucket's projectNumber). */
    Optional<String> projectNumber();
}
