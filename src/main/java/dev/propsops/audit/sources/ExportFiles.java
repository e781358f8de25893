package dev.propsops.audit.sources;

import dev.propsops.audit.bigquery.JobsSql;
import java.util.List;

/**
 * The files of an export directory (--from-export DIR), each with the exact command that writes it; the
 * commands are what {@code infra-audit --print-export-commands} prints. Each check reads its own files, and a
 * missing file skips only the checks that read it.
 */
public enum ExportFiles {
    PROJECT("project.json", "gcloud projects describe %1$s --format=json > %4$s/project.json"),
    JOBS("jobs.json", "bq --quiet --project_id=%1$s --location=%3$s query --format=json --nouse_legacy_sql --max_rows=10000000 '%5$s' > %4$s/jobs.json"),
    TABLES("tables/<dataset>.json", "mkdir -p %4$s/tables && for ds in $(bq ls --project_id=%1$s --max_results=10000 | awk 'NR>2 {print $1}'); do "
            + "bq --quiet query --format=json --nouse_legacy_sql --max_rows=1000000 \"SELECT * FROM \\`%1$s.$ds.__TABLES__\\`\" > %4$s/tables/$ds.json; done"),
    SERVICES("services.json", "gcloud run services list --project %1$s --region %2$s --format=json > %4$s/services.json"),
    REVISIONS("revisions.json", "gcloud run revisions list --project %1$s --region %2$s --format=json > %4$s/revisions.json"),
    EXECUTIONS("executions.json", "gcloud run jobs executions list --project %1$s --region %2$s --format=json > %4$s/executions.json"),
    SCHEDULERS("schedulers.json", "gcloud scheduler jobs list --project %1$s --location %2$s --format=json > %4$s/schedulers.json"),
    BUCKETS("buckets.json", "gcloud storage buckets list --project %1$s --raw --format=json > %4$s/buckets.json"),
    BUCKET_SIZES("bucket-sizes.json", "curl -s -H \"Authorization: Bearer $(gcloud auth print-access-token)\" "
            + "\"https://monitoring.googleapis.com/v3/projects/%1$s/timeSeries?filter=metric.type%%3D%%22storage.googleapis.com%%2Fstorage%%2Ftotal_bytes%%22"
            + "&interval.startTime=$(date -u -d '-25 hours' +%%Y-%%m-%%dT%%H:%%M:%%SZ)&interval.endTime=$(date -u +%%Y-%%m-%%dT%%H:%%M:%%SZ)\" > %4$s/bucket-sizes.json"),
    LOGS("logs.json", "gcloud logging read 'severity>=ERROR AND resource.type=(\"cloud_run_revision\" OR \"cloud_run_job\") "
            + "AND timestamp>=\"'$(date -u -d '-7 days' +%%Y-%%m-%%dT%%H:%%M:%%SZ)'\"' --project=%1$s --format=json > %4$s/logs.json"),
    BILLING("billing.json", "gcloud billing projects describe %1$s --format=json > %4$s/billing.json"),
    BUDGETS("budgets.json", "gcloud billing budgets list --billing-account=$(gcloud billing projects describe %1$s "
            + "--format='value(billingAccountName.basename())') --format=json > %4$s/budgets.json");

    private final String file;
    private final String command;

    ExportFiles(String file, String command) {
        this.file = file;
        this.command = command;
    }

    public String file() {
        return file;
    }

    /** The command that writes this file into {@code dir}, for the project, Cloud Run region and BigQuery location. */
    public String command(String project, String region, String location, String dir) {
        return String.format(java.util.Locale.ROOT, command, project, region, location.toLowerCase(java.util.Locale.ROOT), dir,
                JobsSql.exportQuery(location, 90));
    }

    /** What --print-export-commands prints: a script that fills DIR. */
    public static List<String> script(String project, String region, String location, String dir) {
        List<String> lines = new java.util.ArrayList<>();
        lines.add("# infra-audit --from-export " + dir + ": each file feeds its checks; a missing file skips only those.");
        lines.add("# needs gcloud and bq (Google Cloud SDK), run by someone with the audit's read roles (see the README).");
        lines.add("mkdir -p " + dir);
        for (ExportFiles f : values()) {
            lines.add(f.command(project, region, location, dir));
        }
        return lines;
    }
}
