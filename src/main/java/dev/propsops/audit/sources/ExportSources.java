package dev.propsops.audit.sources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.propsops.audit.CheckSkipped;
import dev.propsops.audit.bigquery.DatasetLister;
import dev.propsops.audit.bigquery.JobHistory;
import dev.propsops.audit.bigquery.export.JobsExportFile;
import dev.propsops.audit.budget.BudgetSource;
import dev.propsops.audit.budget.export.BudgetsExportFiles;
import dev.propsops.audit.cloudrun.ScheduleSource;
import dev.propsops.audit.cloudrun.export.SchedulersExportFile;
import dev.propsops.audit.storage.BucketSource;
import dev.propsops.audit.storage.export.BucketsExportFile;
import dev.propsops.audit.summaries.HeartbeatSource;
import dev.propsops.audit.summaries.LogTriageRun;
import dev.propsops.audit.summaries.LogsSource;
import dev.propsops.logs.LogsConfig;
import dev.propsops.logs.findings.CloudRunAccounts;
import dev.propsops.logs.findings.ServiceAccounts;
import dev.propsops.logs.source.file.ExportFile;
import dev.propsops.cli.JsonRecords;
import dev.propsops.cli.OpsException;
import dev.propsops.cli.StoreException;
import dev.propsops.cloudrun.CloudRunReader;
import dev.propsops.cloudrun.export.GcloudExportReader;
import dev.propsops.staging.TableCatalog;
import dev.propsops.staging.TableDetails;
import dev.propsops.staging.TableMeta;
import dev.propsops.staging.inventory.InventoryFileCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The checks' sources in an export directory: no credentials, no network. Every accessor looks for its own
 * file and, when it is missing, skips its checks with the command that makes it.
 */
public final class ExportSources implements AuditSources {
    private final Path dir;
    private final String project;
    private final String region;
    private final String location;
    private final Optional<String> configuredNumber;
    private Optional<JsonNode> projectJson;
    private String projectProblem;
    private DatasetTables tables;
    private final LogsConfig logs;
    private final dev.propsops.cli.Invocation invocation;

    public ExportSources(Path dir, Optional<String> projectFlag, String region, String location, Optional<String> configuredNumber,
            LogsConfig logs, dev.propsops.cli.Invocation invocation) {
        this.dir = dir;
        this.logs = logs;
        this.invocation = invocation;
        this.region = region;
        this.location = location;
        this.configuredNumber = configuredNumber;
        this.project = projectFlag.or(() -> projectJson().flatMap(p -> BqValues.text(p.get("projectId")))).orElse(null);
    }

    @Override
    public String describe() {
        return "export directory " + dir;
    }

    @Override
    public boolean offline() {
        return true;
    }

    /** The project: --project, else project.json's projectId. */
    public Optional<String> project() {
        return Optional.ofNullable(project);
    }

    /** Why project.json could not be read, if it could not. */
    public Optional<String> projectProblem() {
        projectJson();
        return Optional.ofNullable(projectProblem);
    }

    private Path file(ExportFiles f) {
        Path p = dir.resolve(f.file());
        if (!Files.isRegularFile(p)) {
            throw new CheckSkipped("no " + f.file() + " in " + dir, "make it with: " + command(f));
        }
        return p;
    }

    /** The command that writes an export file, by its path (tables/<dataset>.json included). */
    public Optional<String> commandFor(Path file) {
        Path rel = file.toAbsolutePath().normalize();
        for (ExportFiles f : ExportFiles.values()) {
            if (f != ExportFiles.TABLES && rel.equals(dir.resolve(f.file()).toAbsolutePath().normalize())) {
                return Optional.of(command(f));
            }
        }
        return rel.startsWith(dir.resolve("tables").toAbsolutePath().normalize()) ? Optional.of(command(ExportFiles.TABLES)) : Optional.empty();
    }

    private String command(ExportFiles f) {
        return f.command(project == null ? "PROJECT" : project, region, location, dir.toString());
    }

    private synchronized Optional<JsonNode> projectJson() {
        if (projectJson == null) {
            projectJson = Optional.empty();
            Path p = dir.resolve(ExportFiles.PROJECT.file());
            if (Files.isRegularFile(p)) {
                try {
                    List<JsonNode> nodes = new ArrayList<>();
                    JsonRecords.read(p, (n, i, l) -> nodes.add(n));
                    projectJson = nodes.stream().filter(JsonNode::isObject).findFirst();
                    if (projectJson.isEmpty()) {
                        projectProblem = p + ": not the object `gcloud projects describe --format=json` prints";
                    }
                } catch (OpsException e) {
                    projectProblem = e.getMessage();
                }
            }
        }
        return projectJson;
    }

    @Override
    public JobHistory jobHistory() {
        return new JobsExportFile(file(ExportFiles.JOBS));
    }

    @Override
    public DatasetLister datasets() {
        Path tablesDir = tablesDir();
        return new DatasetLister() {
            @Override
            public String describe() {
                return tablesDir.toString();
            }

            @Override
            public List<DatasetRef> datasets() {
                try (Stream<Path> files = Files.list(tablesDir)) {
                    return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted()
                            .map(n -> new DatasetRef(n.substring(0, n.length() - 5), "")).toList();
                } catch (IOException e) {
                    throw new CheckSkipped("cannot list " + tablesDir + ": " + e.getMessage(), "check the directory");
                }
            }
        };
    }

    private Path tablesDir() {
        Path t = dir.resolve("tables");
        if (!Files.isDirectory(t)) {
            throw new CheckSkipped("no tables/ directory in " + dir, "make it with: " + command(ExportFiles.TABLES));
        }
        return t;
    }

    @Override
    public synchronized DatasetTables tables() {
        if (tables == null) {
            Path t = tablesDir();
            tables = new DatasetTables(new TableCatalog() {
                @Override
                public String describe() {
                    return t.toString();
                }

                @Override
                public List<TableMeta> tables(String dataset) {
                    Path f = t.resolve(dataset + ".json");
                    try {
                        return InventoryFileCatalog.load(f).tables(dataset);
                    } catch (OpsException e) {
                        throw new StoreException("read the tables of " + dataset, f.toString(), null, e);
                    }
                }

                @Override
                public TableDetails details(TableMeta table) {
                    return TableDetails.unknown();
                }
            }, d -> Files.isRegularFile(t.resolve(d + ".json")));
        }
        return tables;
    }

    @Override
    public CloudRunReader services() {
        Path revisions = dir.resolve(ExportFiles.REVISIONS.file());
        return new GcloudExportReader(Optional.of(file(ExportFiles.SERVICES)), Optional.empty(), Optional.empty(),
                Files.isRegularFile(revisions) ? Optional.of(revisions) : Optional.empty());
    }

    @Override
    public CloudRunReader jobs() {
        return new GcloudExportReader(Optional.empty(), Optional.empty(), Optional.of(file(ExportFiles.EXECUTIONS)), Optional.empty());
    }

    @Override
    public ScheduleSource schedules() {
        return new SchedulersExportFile(file(ExportFiles.SCHEDULERS));
    }

    @Override
    public BucketSource buckets() {
        return new BucketsExportFile(file(ExportFiles.BUCKETS), dir.resolve(ExportFiles.BUCKET_SIZES.file()),
                "make it with: " + command(ExportFiles.BUCKET_SIZES));
    }

    @Override
    public BudgetSource budgets() {
        return new BudgetsExportFiles(file(ExportFiles.BUDGETS), dir.resolve(ExportFiles.BILLING.file()));
    }

    @Override
    public HeartbeatSource heartbeats() {
        throw new CheckSkipped("heartbeat-monitor reads Firestore, which an export does not hold",
                "run infra-audit without --from-export for this check, or props-ops heartbeat-monitor");
    }

    @Override
    public LogsSource logs() {
        Path file = file(ExportFiles.LOGS);
        Path services = dir.resolve(ExportFiles.SERVICES.file());
        ServiceAccounts accounts = ServiceAccounts.NONE;
        if (Files.isRegularFile(services)) {
            GcloudExportReader reader = GcloudExportReader.services(services);
            accounts = new CloudRunAccounts("gcloud export " + services, region -> reader, false);
        }
        return new LogTriageRun(new ExportFile(file, invocation), accounts, logs, project(), invocation);
    }

    @Override
    public Optional<String> projectNumber() {
        return configuredNumber.or(() -> projectJson().flatMap(p -> BqValues.text(p.get("projectNumber"))))
                .or(() -> {
                    Path b = dir.resolve(ExportFiles.BUCKETS.file());
                    return Files.isRegularFile(b) ? new BucketsExportFile(b, dir.resolve("-"), "").projectNumber() : Optional.empty();
                });
    }
}
