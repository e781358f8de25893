package dev.propsops.audit;

import dev.propsops.audit.bigquery.CostCheck;
import dev.propsops.audit.bigquery.DatasetsCheck;
import dev.propsops.audit.budget.BudgetCheck;
import dev.propsops.audit.cloudrun.JobsCheck;
import dev.propsops.audit.cloudrun.ServicesCheck;
import dev.propsops.audit.report.AuditJsonReport;
import dev.propsops.audit.report.AuditMarkdownReport;
import dev.propsops.audit.report.AuditTextReport;
import dev.propsops.audit.sources.AuditSources;
import dev.propsops.audit.sources.ExportFiles;
import dev.propsops.audit.sources.ExportSources;
import dev.propsops.audit.sources.OnlineSources;
import dev.propsops.audit.staging.StagingCheck;
import dev.propsops.audit.storage.BucketsCheck;
import dev.propsops.audit.summaries.HeartbeatCheck;
import dev.propsops.audit.summaries.LogsCheck;
import dev.propsops.logs.LogsConfig;
import dev.propsops.cli.DurationConverter;
import dev.propsops.cli.ExitCode;
import dev.propsops.cli.Invocation;
import dev.propsops.cli.Json;
import dev.propsops.cli.OpsCommand;
import dev.propsops.cli.OpsException;
import dev.propsops.cli.ProjectOptions;
import dev.propsops.cli.Rating;
import dev.propsops.cli.RatingFailOnOptions;
import dev.propsops.cli.ByteSize;
import dev.propsops.gcp.GcpAccess;
import dev.propsops.gcp.GcpConfig;
import dev.propsops.gcp.GoogleApi;
import dev.propsops.gcp.auth.RunCredentials;
import dev.propsops.heartbeat.HeartbeatConfig;
import dev.propsops.sport.SportConfig;
import dev.propsops.staging.StagingConfig;
import dev.propsops.staging.StorageCost;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code props-ops infra-audit}: the handoff's weekly health audit as one read-only job. */
@Command(name = "infra-audit", sortOptions = false,
        description = "Read-only infrastructure audit, findings rated CRITICAL/HIGH/MEDIUM/LOW with evidence and next steps: "
                + "BigQuery cost, unused datasets, staging tables, Cloud Run services and jobs, buckets without lifecycle "
                + "rules, budgets, and the findings of heartbeat-monitor and log-triage. Online, or from gcloud/bq exports (--from-export).")
public class InfraAuditCommand extends OpsCommand {
    /** The report formats. */
    public enum Format {
        text,
        json,
        markdown
    }

    /** The Google APIs each check calls online, to check credentials once before any of them. */
    static final Map<String, Set<GoogleApi>> APIS = Map.of(
            CostCheck.ID, EnumSet.of(GoogleApi.BIGQUERY),
            DatasetsCheck.ID, EnumSet.of(GoogleApi.BIGQUERY),
            StagingCheck.ID, EnumSet.of(GoogleApi.BIGQUERY),
            ServicesCheck.ID, EnumSet.of(GoogleApi.RUN),
            JobsCheck.ID, EnumSet.of(GoogleApi.RUN),
            BucketsCheck.ID, EnumSet.of(GoogleApi.STORAGE, GoogleApi.MONITORING),
            BudgetCheck.ID, EnumSet.of(GoogleApi.BILLING, GoogleApi.BUDGETS, GoogleApi.STORAGE),
            HeartbeatCheck.ID, EnumSet.of(GoogleApi.FIRESTORE),
            LogsCheck.ID, EnumSet.of(GoogleApi.LOGGING, GoogleApi.RUN));

    @Mixin
    ProjectOptions project;

    @Option(names = "--region", paramLabel = "REGION",
            description = "Cloud Run region of the services and jobs (default: us-west2, key ops.audit.region).")
    String region;

    @Option(names = "--checks", paramLabel = "LIST", split = ",",
            description = "Checks to run, comma-separated (default: all): bigquery-cost, datasets, staging, "
                    + "cloud-run-services, cloud-run-jobs, storage, budget, heartbeats, logs.")
    List<String> checks = new ArrayList<>();

    @Option(names = "--from-export", paramLabel = "DIR",
            description = "Audit the files gcloud and bq printed into DIR (see --print-export-commands): no credentials, "
                    + "no network. A missing file skips only the checks that read it.")
    Path fromExport;

    @Option(names = "--print-export-commands",
            description = "Print the commands that write an export directory (--from-export DIR, default ./audit-export) and exit.")
    boolean printExportCommands;

    @Option(names = "--since", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Window of the cost and log checks (default: 7d, key ops.audit.since; 1h to 180d).")
    Duration since;

    @Option(names = "--max-bytes", paramLabel = "SIZE", converter = ByteSize.class,
            description = "Most one audit query on JOBS_BY_PROJECT may scan; checked by a dry run first (default: 10GB, "
                    + "key ops.audit.max-bytes).")
    Long maxBytes;

    @Option(names = "--project-number", paramLabel = "NUMBER",
            description = "The project's number, when no source tells it (budgets name projects by number).")
    String projectNumber;

    @Mixin
    RatingFailOnOptions failOn;

    @Option(names = "--output", paramLabel = "text|json|markdown", defaultValue = "text",
            description = "Report format: text (default), json (one document) or markdown (to paste into a handoff or an issue).")
    Format output = Format.text;

    @Inject
    AuditConfig config;

    @Inject
    GcpConfig gcp;

    @Inject
    StagingConfig staging;

    @Inject
    SportConfig sports;

    @Inject
    HeartbeatConfig heartbeat;

    @Inject
    LogsConfig logs;

    /** Every check, in report order. */
    List<AuditCheck> all() {
        return List.of(new CostCheck(config.cost()),
                new DatasetsCheck(config.datasets().unusedAfter(), new StorageCost(staging.price().activeGibMonth(),
                        staging.price().longTermGibMonth()), gcp.bigquery().location()),
                new StagingCheck(staging, sports),
                new ServicesCheck(),
                new JobsCheck(config.jobIntervals()),
                new BucketsCheck(config.buckets().coldlineAfterDays()),
                new BudgetCheck(config.budget().maxThreshold()),
                new HeartbeatCheck(),
                new LogsCheck());
    }

    @Override
    protected int execute(Invocation invocation) {
        List<AuditCheck> chosen = chosen();
        String cloudRunRegion = region != null ? region : config.region();
        if (!cloudRunRegion.matches("[a-z]+-[a-z]+[0-9]+")) {
            throw OpsException.usage("--region '" + cloudRunRegion + "' is not a Cloud Run region", "e.g. --region us-west2");
        }
        Duration window = since != null ? since : config.since();
        if (window.compareTo(Duration.ofHours(1)) < 0 || window.compareTo(Duration.ofDays(180)) > 0) {
            throw OpsException.usage("--since must be between 1h and 180d (JOBS_BY_PROJECT keeps 180 days), was "
                    + DurationConverter.format(window));
        }
        String location = gcp.bigquery().location();
        if (printExportCommands) {
            // no credentials and no network here: only what the run was told, else a placeholder
            String p = project.project().or(() -> invocation.env("GOOGLE_CLOUD_PROJECT")).or(gcp::project).orElse("PROJECT");
            String dir = fromExport != null ? fromExport.toString() : "audit-export";
            ExportFiles.script(p, cloudRunRegion, location, dir).forEach(invocation.out()::println);
            invocation.out().flush();
            return ExitCode.OK;
        }
        long budget = maxBytes != null ? maxBytes : configuredMaxBytes();
        Optional<String> number = Optional.ofNullable(projectNumber).or(config::projectNumber).map(String::trim);
        if (number.isPresent() && !number.get().matches("[0-9]{1,20}")) {
            throw OpsException.usage("--project-number '" + number.get() + "' is not a project number (digits only)",
                    "gcloud projects describe PROJECT --format='value(projectNumber)'");
        }
        Instant now = invocation.clock().instant().truncatedTo(ChronoUnit.SECONDS);
        AuditSources sources;
        Optional<String> projectId;
        if (fromExport != null) {
            if (!Files.isDirectory(fromExport)) {
                throw OpsException.usage("--from-export " + fromExport + " is not a directory",
                        "make one with the commands of: props-ops infra-audit --print-export-commands --from-export " + fromExport);
            }
            ExportSources export = new ExportSources(fromExport, project.project(), cloudRunRegion, location, number, logs,
                    invocation);
            export.projectProblem().ifPresent(p -> invocation.log().warn("project.json: " + p));
            projectId = export.project();
            sources = export;
        } else {
            GcpAccess access = GcpAccess.of(project.project(), gcp, invocation);
            projectId = Optional.of(access.projectId());
            verifyCredentialsOnce(chosen, invocation);
            sources = new OnlineSources(access, cloudRunRegion, budget, number, heartbeat, logs, now);
        }
        AuditContext context = new AuditContext(now, window, projectId, cloudRunRegion, sources, invocation);
        List<CheckResult> results = AuditRunner.run(chosen, context);
        // online the number comes from the bucket listing: shown only when a check that lists buckets ran
        Optional<String> shownNumber = number.or(() -> {
            boolean listed = results.stream().anyMatch(r -> (r.check().equals(BucketsCheck.ID) || r.check().equals(BudgetCheck.ID)) && r.ran());
            try {
                return sources.offline() || listed ? sources.projectNumber() : Optional.empty();
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        });
        AuditReport report = new AuditReport(projectId, shownNumber, sources.describe(), cloudRunRegion, now, window, results);
        switch (output) {
            case json -> Json.print(invocation, AuditJsonReport.toJson(report));
            case markdown -> AuditMarkdownReport.render(report, invocation.out());
            default -> AuditTextReport.render(report, invocation.out());
        }
        invocation.out().flush();
        if (!report.anyRan()) {
            CheckResult first = results.get(0);
            throw new OpsException(ExitCode.FAILED, "infra-audit: no check could run (" + results.size() + " skipped; "
                    + first.check() + ": " + first.reason().orElse("skipped") + ")",
                    first.fix().orElse("see each check's reason and fix in the report above"));
        }
        return failOn.exitCodeFor(report.worst(), Rating.HIGH);
    }

    private List<AuditCheck> chosen() {
        List<AuditCheck> all = all();
        if (checks.isEmpty()) {
            return all;
        }
        Set<String> wanted = new LinkedHashSet<>();
        checks.stream().map(String::trim).filter(s -> !s.isEmpty()).forEach(wanted::add);
        List<String> ids = all.stream().map(AuditCheck::id).toList();
        List<String> unknown = wanted.stream().filter(w -> !ids.contains(w)).toList();
        if (!unknown.isEmpty() || wanted.isEmpty()) {
            throw OpsException.usage("unknown check(s) in --checks: " + (wanted.isEmpty() ? "(none given)" : String.join(", ", unknown)),
                    "choose from: " + String.join(", ", ids));
        }
        return all.stream().filter(c -> wanted.contains(c.id())).toList();
    }

    private long configuredMaxBytes() {
        try {
            return ByteSize.parse(config.maxBytes());
        } catch (RuntimeException e) {
            throw OpsException.usage("ops.audit.max-bytes: " + e.getMessage(), "fix it in application.properties or OPS_AUDIT_MAX_BYTES");
        }
    }

    /**
     * Checks the run's credentials once, before any check, when a chosen check calls a real endpoint: without
     * credentials (or network) every check would fail the same way, so the run ends at once with that one
     * message (exit 1) instead of skipping each check after its own retries.
     */
    private void verifyCredentialsOnce(List<AuditCheck> chosen, Invocation invocation) {
        boolean real = chosen.stream().flatMap(c -> APIS.getOrDefault(c.id(), Set.of()).stream())
                .filter(api -> api != GoogleApi.FIRESTORE || invocation.env("FIRESTORE_EMULATOR_HOST").isEmpty())
                .anyMatch(api -> !gcp.endpoint(api).plaintext());
        if (real) {
            RunCredentials.of(invocation).verified();
        }
    }

}
