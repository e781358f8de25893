package dev.propsops.drift;

import dev.propsops.cli.ByteSize;
import dev.propsops.cli.FailOnOptions;
import dev.propsops.cli.Invocation;
import dev.propsops.cli.Json;
import dev.propsops.cli.LocalDateConverter;
import dev.propsops.cli.OpsCommand;
import dev.propsops.cli.OpsException;
import dev.propsops.cli.OutputOptions;
import dev.propsops.cli.ProjectOptions;
import dev.propsops.cli.YearMonthConverter;
import dev.propsops.drift.bigquery.BigQueryStatsSource;
import dev.propsops.drift.duckdb.DuckDbStatsSource;
import dev.propsops.drift.plan.Baseline;
import dev.propsops.drift.plan.ComparisonPlan;
import dev.propsops.drift.plan.ComparisonPlanner;
import dev.propsops.drift.report.DriftReport;
import dev.propsops.drift.report.DriftReportJson;
import dev.propsops.drift.report.DriftReportText;
import dev.propsops.gcp.BigQueryConnector;
import dev.propsops.gcp.GcpAccess;
import dev.propsops.gcp.BigQueryTarget;
import dev.propsops.gcp.GcpConfig;
import dev.propsops.monitoring.ExportMetricsOptions;
import dev.propsops.sport.SportConfig;
import dev.propsops.sport.SportOptions;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code props-ops drift-check}: feature-store coverage, volume and distribution against a season-aligned baseline. */
@Command(name = "drift-check", sortOptions = false,
        description = "Feature-store drift per feature and month against a season-aligned baseline: coverage, rows "
                + "per game day and distribution (PSI), with the hit rate alongside. Read-only.")
public class DriftCheckCommand extends OpsCommand {
    @Mixin
    SportOptions sport;

    @Option(names = "--month", paramLabel = "YYYY-MM", converter = YearMonthConverter.class,
            description = "The month to check (default: the month of yesterday; the window ends yesterday at the latest).")
    YearMonth month;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", converter = LocalDateConverter.class,
            description = "First day of the window, instead of --month; checked month by month, at most 12 months.")
    LocalDate from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", converter = LocalDateConverter.class,
            description = "Last day of the window (default: yesterday).")
    LocalDate to;

    @Option(names = "--baseline", paramLabel = "previous-season|previous-window|YYYY-MM", defaultValue = "previous-season",
            description = "What each month is compared with: the same month a season earlier (default), the window "
                    + "just before, or one month.")
    String baseline;

    @Option(names = "--source", paramLabel = "bigquery|duckdb:FILE|parquet:DIR", defaultValue = "bigquery",
            description = "Where to read: BigQuery (default), a DuckDB database whose schemas are the datasets, or "
                    + "Parquet files in DIR/<dataset>/<table>/*.parquet (no Google Cloud needed).")
    String source;

    @Mixin
    FailOnOptions failOn;

    @Option(names = "--max-bytes", paramLabel = "SIZE", converter = ByteSize.class,
            description = "BigQuery only: refuse to run when the dry run says the queries would scan more "
                    + "(default: ops.drift.max-bytes, shipped as 10GB; e.g. 500MB, 2TB).")
    Long maxBytes;

    @Mixin
    OutputOptions output;

    @Mixin
    ProjectOptions project;

    @Mixin
    ExportMetricsOptions metrics;

    @Inject
    DriftConfig config;

    @Inject
    SportConfig sports;

    @Inject
    GcpConfig gcp;

    @Override
    protected int execute(Invocation invocation) {
        // everything the user typed is checked before a connection is opened
        ComparisonPlan plan = ComparisonPlanner.plan(Optional.ofNullable(month), Optional.ofNullable(from), Optional.ofNullable(to),
                Baseline.parse(baseline), LocalDate.now(invocation.clock()));
        SourceSpec spec = SourceSpec.parse(source);
        ConfiguredChecks checks = ConfiguredChecks.of(config, sport.sport());
        ConfiguredSeasons seasons = ConfiguredSeasons.of(sports.of(sport.sport()), config.bootstrapDays(), sport.sport());
        long budget = maxBytes != null ? maxBytes : configuredMaxBytes();
        if (spec.kind() != SourceSpec.Kind.BIGQUERY && (project.project().isPresent() || maxBytes != null)) {
            invocation.log().warn("--project and --max-bytes apply to --source bigquery only; ignored for " + source);
        }
        try (FeatureStatsSource src = open(spec, budget, invocation)) {
            DriftReport report = new DriftCheck(invocation).run(checks, plan, seasons, src);
            int exitCode = failOn.exitCodeFor(report.worst());
            if (output.json()) {
                Json.print(invocation, DriftReportJson.render(report, failOn.threshold(), exitCode));
            } else {
                DriftReportText.render(report, failOn.threshold(), exitCode, invocation.out());
            }
            invocation.out().flush();
            metrics.export(invocation, spec.kind() == SourceSpec.Kind.BIGQUERY ? project.project() : Optional.empty(),
                    () -> DriftMetrics.of(report));
            return exitCode;
        }
    }

    private FeatureStatsSource open(SourceSpec spec, long budget, Invocation invocation) {
        return switch (spec.kind()) {
            case PARQUET -> DuckDbStatsSource.parquet(spec.path().orElseThrow());
            case DUCKDB -> DuckDbStatsSource.database(spec.path().orElseThrow());
            case BIGQUERY -> {
                BigQueryTarget target = BigQueryConnector.target(project.project(), gcp, invocation);
                GcpAccess access = GcpAccess.of(Optional.of(target.projectId()), gcp, invocation);
                yield new BigQueryStatsSource(BigQueryConnector.connect(target, gcp.bigQuerySettings(), access), target, budget);
            }
        };
    }

    private long configuredMaxBytes() {
        try {
            return ByteSize.parse(config.maxBytes());
        } catch (TypeConversionException e) {
            throw OpsException.usage("ops.drift.max-bytes: " + e.getMessage(), "fix it in application.properties or OPS_DRIFT_MAX_BYTES");
        }
    }
}
