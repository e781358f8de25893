package dev.propsops.staging;

import com.google.cloud.bigquery.BigQuery;
import dev.propsops.cli.DurationConverter;
import dev.propsops.cli.ExecuteOptions;
import dev.propsops.cli.ExitCode;
import dev.propsops.cli.Invocation;
import dev.propsops.cli.Json;
import dev.propsops.cli.OpsCommand;
import dev.propsops.cli.OpsException;
import dev.propsops.cli.OutputOptions;
import dev.propsops.cli.ProjectOptions;
import dev.propsops.gcp.BigQueryConnector;
import dev.propsops.gcp.GcpAccess;
import dev.propsops.gcp.BigQueryTarget;
import dev.propsops.gcp.GcpConfig;
import dev.propsops.monitoring.ExportMetricsOptions;
import dev.propsops.sport.SportConfig;
import dev.propsops.sport.SportOptions;
import dev.propsops.staging.bigquery.BigQueryTableCatalog;
import dev.propsops.staging.bigquery.BigQueryTableEditor;
import dev.propsops.staging.bigquery.TablesQuery;
import dev.propsops.staging.inventory.InventoryFileCatalog;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code props-ops staging-prune}: report, expire, delete or put a lifecycle on stale BigQuery staging tables. */
@Command(name = "staging-prune", sortOptions = false,
        description = "Report, expire or delete stale BigQuery staging tables (*_temp, *_staging, *_backup, *_old, ...), "
                + "or give them a lifecycle expiration. A dry run unless --execute.")
public class StagingPruneCommand extends OpsCommand {
    @Mixin
    SportOptions sport;

    @Option(names = "--dataset", paramLabel = "DATASET",
            description = "A dataset to scan (repeatable). Default: the sport's datasets (ops.sport.<sport>.datasets).")
    List<String> datasets = new ArrayList<>();

    @Option(names = "--pattern", paramLabel = "REGEX",
            description = "Staging table names: a regular expression searched in the name. Default: a _temp, _tmp, "
                    + "_staging, _backup, _bak or _old part followed by _ or the end (ops.staging.pattern).")
    String pattern;

    @Option(names = "--older-than", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Candidates are unmodified for longer than this (by last modification). Default 30d; at least 1h.")
    Duration olderThan;

    @Option(names = "--action", paramLabel = "report|expire|delete|lifecycle", defaultValue = "report",
            description = "report (default, read-only); expire: expiration --grace from now; delete: now, with a restore "
                    + "manifest; lifecycle: every staging table without an expiration gets last modification + --lifecycle-after.")
    PruneAction action = PruneAction.report;

    @Option(names = "--grace", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "expire: the owner's window before BigQuery deletes; also the earliest expiration ever set. Default 7d; at least 1h.")
    Duration grace;

    @Option(names = "--lifecycle-after", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "lifecycle: expiration = last modification + this. Default 90d.")
    Duration lifecycleAfter;

    @Option(names = "--max-tables", paramLabel = "N",
            description = "A plan changing more tables than this changes none and exits 3. Default 50.")
    Integer maxTables;

    @Option(names = "--manifest", paramLabel = "FILE",
            description = "delete: the restore manifest (JSON lines, appended). Default staging-prune-restore.jsonl.")
    Path manifest;

    @Option(names = "--inventory", paramLabel = "FILE",
            description = "Plan offline from `bq query --format=json 'SELECT * FROM dataset.__TABLES__'` output; no "
                    + "credentials needed. Cannot be combined with --execute.")
    Path inventory;

    @Mixin
    ProjectOptions project;

    @Mixin
    ExecuteOptions execute;

    @Mixin
    OutputOptions output;

    @Mixin
    ExportMetricsOptions metrics;

    @Inject
    StagingConfig config;

    @Inject
    SportConfig sports;

    @Inject
    GcpConfig gcp;

    @Override
    protected int execute(Invocation invocation) {
        execute.checkUsable(invocation);
        if (inventory != null && execute.execute()) {
            throw OpsException.usage("--inventory plans offline from a file; acting needs BigQuery",
                    "drop --inventory to act on BigQuery, or drop --execute to see the plan");
        }
        PruneRules rules = rules(invocation);
        int cap = maxTables != null ? maxTables : config.maxTables();
        if (cap < 0) {
            throw OpsException.usage("--max-tables cannot be negative, was " + cap);
        }
        List<String> wanted = wantedDatasets();
        PlanContext context = inventory != null ? offline(wanted) : online(wanted);
        PrunePlanner planner = new PrunePlanner(rules);
        PrunePlan read = new PlanBuilder(context.catalog, planner, invocation).build(context.datasets, cap);
        List<DatasetResult> results = new ArrayList<>(read.datasets());
        context.notInInventory.forEach(d -> results.add(DatasetResult.notInInventory(d)));
        PrunePlan plan = new PrunePlan(read.tables(), results, cap);

        List<Outcome> outcomes = PruneReport.notExecuted(plan);
        boolean executed = false;
        Optional<Path> manifestPath = Optional.empty();
        if (plan.capped()) {
            invocation.log().warn("the plan changes " + plan.changes().size() + " tables, more than --max-tables " + cap
                    + ": nothing is changed");
        } else if (execute.execute() && plan.changes().isEmpty()) {
            invocation.log().info("nothing to change" + (action.mutates() ? "" : ": --action report never changes anything"));
        } else if (execute.execute()) {
            showChanges(invocation, plan);
            if (execute.confirm(invocation, "Apply these " + plan.changes().size() + " change(s) (" + action.name() + ") to "
                    + context.catalog.describe() + "?")) {
                Path path = manifest != null ? manifest : Path.of(config.manifest());
                if (plan.changes().stream().anyMatch(p -> p.step() == Step.DELETE)) {
                    manifestPath = Optional.of(path);
                }
                outcomes = new PruneExecutor(context.catalog, context.editor.orElseThrow(), () -> RestoreManifest.open(path),
                        invocation).execute(plan);
                executed = true;
            }
        }
        PruneReport report = new PruneReport(sport.sport().name(), context.catalog.describe(), context.project, rules, plan,
                outcomes, executed, manifestPath);
        if (output.json()) {
            Json.print(invocation, PruneJsonReport.toJson(report));
        } else {
            PruneTextReport.render(report, invocation.out());
        }
        invocation.out().flush();
        metrics.export(invocation, context.project, () -> StagingMetrics.of(report));
        failIfSomethingFailed(report);
        return plan.capped() ? ExitCode.FINDINGS : ExitCode.OK;
    }

    private PruneRules rules(Invocation invocation) {
        NamePolicy names;
        try {
            names = NamePolicy.of(pattern != null ? pattern : config.pattern(), config.protectPatterns().orElse(List.of()));
        } catch (IllegalArgumentException e) {
            throw OpsException.usage(e.getMessage(), "fix the regular expression (--pattern, or ops.staging.protect-patterns)");
        }
        try {
            return new PruneRules(action, names, olderThan != null ? olderThan : config.olderThan(),
                    grace != null ? grace : config.grace(), lifecycleAfter != null ? lifecycleAfter : config.lifecycleAfter(),
                    new StorageCost(config.price().activeGibMonth(), config.price().longTermGibMonth()),
                    // whole seconds: expirations and reports need no nanoseconds
                    invocation.clock().instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        } catch (IllegalArgumentException e) {
            throw OpsException.usage(e.getMessage());
        }
    }

    private List<String> wantedDatasets() {
        List<String> list = datasets.isEmpty() ? sports.of(sport.sport()).datasets() : datasets;
        List<String> invalid = list.stream().filter(d -> !TablesQuery.isValidDataset(d)).toList();
        if (!invalid.isEmpty()) {
            throw OpsException.usage("not a dataset id: " + invalid.stream().map(d -> "'" + d + "'").collect(Collectors.joining(", ")),
                    "a dataset id has only letters, digits and underscores (e.g. nba_raw), without the project");
        }
        return list.stream().distinct().toList();
    }

    private PlanContext online(List<String> wanted) {
        BigQueryTarget target = BigQueryConnector.target(project.project(), gcp, invocation());
        BigQuery client = BigQueryConnector.connect(target, gcp.bigQuerySettings(),
                GcpAccess.of(Optional.of(target.projectId()), gcp, invocation()));
        return new PlanContext(new BigQueryTableCatalog(client, target), Optional.of(new BigQueryTableEditor(client, target)),
                wanted, List.of(), Optional.of(target.projectId()));
    }

    private PlanContext offline(List<String> wanted) {
        InventoryFileCatalog file = InventoryFileCatalog.load(inventory);
        List<String> planned = wanted.stream().filter(file.datasets()::contains).toList();
        List<String> missing = wanted.stream().filter(d -> !file.datasets().contains(d)).toList();
        if (!datasets.isEmpty() && !missing.isEmpty() || planned.isEmpty()) {
            throw OpsException.usage("the inventory file " + inventory + " has no tables of " + String.join(", ",
                    datasets.isEmpty() ? wanted : missing) + " (it has: " + (file.datasets().isEmpty() ? "no tables"
                    : String.join(", ", file.datasets())) + ")", "pass --dataset for the datasets in the file, or "
                    + InventoryFileCatalog.HOW_TO_MAKE);
        }
        List<String> ignored = file.datasets().stream().filter(d -> !wanted.contains(d)).toList();
        if (!ignored.isEmpty()) {
            invocation().log().info("ignoring the inventory's tables of " + String.join(", ", ignored)
                    + " (not asked for: use --dataset)");
        }
        return new PlanContext(file, Optional.empty(), planned, missing, file.project());
    }

    private void showChanges(Invocation invocation, PrunePlan plan) {
        StringBuilder sb = new StringBuilder("about to " + action.name() + " " + plan.changes().size() + " table(s):");
        for (PlannedTable p : plan.changes()) {
            sb.append(System.lineSeparator()).append("  ").append(p.step().label()).append(' ').append(p.table().fullName())
                    .append(p.newExpiration().map(at -> " -> expires " + at).orElse(""))
                    .append(" (modified ").append(p.table().age(invocation.clock().instant()).toDays()).append("d ago, ")
                    .append(PruneTextReport.bytes(p.table().sizeBytes())).append(')');
        }
        invocation.log().info(sb.toString());
    }

    /** After the report is out: a failed dataset or table makes the run exit 1, with what failed and the fix. */
    private static void failIfSomethingFailed(PruneReport report) {
        List<DatasetResult> failed = report.plan().datasets().stream().filter(d -> d.status() == DatasetResult.Status.FAILED).toList();
        long failedTables = report.count(Outcome.Status.FAILED);
        if (failed.isEmpty() && failedTables == 0) {
            return;
        }
        List<String> parts = new ArrayList<>();
        if (!failed.isEmpty()) {
            parts.add(failed.size() + " dataset(s) could not be read: " + failed.stream().map(DatasetResult::dataset)
                    .collect(Collectors.joining(", ")));
        }
        if (failedTables > 0) {
            parts.add(failedTables + " table change(s) failed");
        }
        String fix = failed.stream().map(d -> d.fix().orElse(null)).filter(f -> f != null).findFirst()
                .orElse("see the report above for each failure and its fix");
        throw new OpsException(ExitCode.FAILED, "staging-prune: " + String.join("; ", parts)
                + " (the rest was reported)", fix);
    }

    private record PlanContext(TableCatalog catalog, Optional<TableEditor> editor, List<String> datasets,
            List<String> notInInventory, Optional<String> project) {
    }
}
