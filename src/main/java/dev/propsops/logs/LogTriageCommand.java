package dev.propsops.logs;

import dev.propsops.cli.DurationConverter;
import dev.propsops.cli.ExitCode;
import dev.propsops.cli.Invocation;
import dev.propsops.cli.Json;
import dev.propsops.cli.OpsCommand;
import dev.propsops.cli.OpsException;
import dev.propsops.cli.OutputOptions;
import dev.propsops.cli.ProjectOptions;
import dev.propsops.cli.Rating;
import dev.propsops.cli.RatingFailOnOptions;
import dev.propsops.cloudrun.admin.AdminApiReader;
import dev.propsops.cloudrun.export.GcloudExportReader;
import dev.propsops.gcp.GcpAccess;
import dev.propsops.gcp.GcpConfig;
import dev.propsops.logs.findings.CloudRunAccounts;
import dev.propsops.logs.findings.PermissionRoles;
import dev.propsops.logs.findings.ServiceAccounts;
import dev.propsops.logs.report.AssignmentsFile;
import dev.propsops.logs.report.JsonReport;
import dev.propsops.logs.report.TextReport;
import dev.propsops.logs.report.TriageReport;
import dev.propsops.logs.source.LogSeverity;
import dev.propsops.logs.source.LogSource;
import dev.propsops.logs.source.Window;
import dev.propsops.logs.source.file.ExportFile;
import dev.propsops.logs.source.logging.CloudLoggingSource;
import dev.propsops.logs.source.logging.LogFilter;
import dev.propsops.logs.triage.Assignments;
import dev.propsops.logs.triage.TriageSettings;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code props-ops log-triage}: Cloud Logging errors of Cloud Run grouped into patterns, with findings and fixes. */
@Command(name = "log-triage", sortOptions = false,
        description = "Group the errors of Cloud Run services and jobs (Cloud Logging, or a `gcloud logging read "
                + "--format=json` export) into patterns per service, and explain what needs fixing: errors with no "
                + "message, permission errors with the role and the gcloud command that grants it, new patterns and "
                + "spikes against the window before. Read-only.")
public class LogTriageCommand extends OpsCommand {
    @Mixin
    ProjectOptions project;

    @Option(names = "--since", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "The window: the last DURATION up to now (e.g. 24h, 7d). Default 7d (ops.logs.since).")
    Duration since;

    @Option(names = "--from", paramLabel = "TIME", converter = TimeConverter.class,
            description = "The window's start (RFC 3339, e.g. 2026-01-25T00:00:00Z, or a date, read as 00:00 UTC).")
    Instant from;

    @Option(names = "--to", paramLabel = "TIME", converter = TimeConverter.class,
            description = "The window's end (exclusive). Default: now.")
    Instant to;

    @Option(names = "--service", paramLabel = "NAME",
            description = "Only this Cloud Run service or job (repeatable). Default: all.")
    List<String> services = new ArrayList<>();

    @Option(names = "--min-severity", paramLabel = "SEVERITY",
            description = "Entries at this severity or worse: DEFAULT, DEBUG, INFO, NOTICE, WARNING, ERROR, CRITICAL, "
                    + "ALERT, EMERGENCY. Default ERROR.")
    String minSeverity;

    @Option(names = "--filter", paramLabel = "EXPR",
            description = "A Cloud Logging filter ANDed to the job's own (window, severity, Cloud Run resource types). "
                    + "Not with --input.")
    String filter;

    @Option(names = "--baseline", paramLabel = "previous-window|none", defaultValue = "previous-window",
            description = "Compare with the window of the same length just before (default), or not at all.")
    String baseline;

    @Option(names = "--input", paramLabel = "FILE",
            description = "Read a `gcloud logging read --format=json` export (a JSON array, or JSON Lines) instead of "
                    + "Cloud Logging: no credentials, no project. Without --since/--from the whole file is the window.")
    Path input;

    @Option(names = "--services", paramLabel = "FILE",
            description = "`gcloud run services list --format=json`: the service accounts for the exact fix of a "
                    + "permission error. Default: the Cloud Run Admin API (needs roles/run.viewer), not with --input.")
    Path servicesFile;

    @Option(names = "--max-entries", paramLabel = "N",
            description = "Stop a read after N entries (per window) and say the result is truncated (exit 3). Default 200,000.")
    Long maxEntries;

    @Option(names = "--top", paramLabel = "N", description = "Patterns shown per service. Default 10.")
    Integer top;

    @Option(names = "--assignments", paramLabel = "FILE",
            description = "Write one CSV line `index,pattern_id` per entry of the input (index from 0; the pattern id "
                    + "empty for a skipped entry), to check the grouping.")
    Path assignments;

    @Mixin
    RatingFailOnOptions failOn;

    @Mixin
    OutputOptions output;

    @Inject
    LogsConfig config;

    @Inject
    GcpConfig gcp;

    @Override
    protected int execute(Invocation invocation) {
        LogSeverity severity = severity();
        boolean compare = baselineMode();
        long max = maxEntries != null ? maxEntries : config.maxEntries();
        int topN = top != null ? top : config.top();
        if (max < 1) {
            throw OpsException.usage("--max-entries must be at least 1, was " + max);
        }
        if (topN < 1) {
            throw OpsException.usage("--top must be at least 1, was " + topN);
        }
        Set<String> wanted = new LinkedHashSet<>();
        for (String s : services) {
            if (s.isBlank()) {
                throw OpsException.usage("--service needs a name", "e.g. --service prediction-worker");
            }
            wanted.add(s.strip());
        }
        Optional<Window> window = window(invocation);
        if (input != null) {
            if (filter != null) {
                throw OpsException.usage("--filter is a Cloud Logging filter and cannot apply to --input",
                        "filter when exporting: " + ExportFile.HOW_TO_MAKE);
            }
            requireFile(input, "--input");
        } else if (window.isEmpty()) {
            window = Optional.of(defaultWindow(invocation));
        }
        if (servicesFile != null) {
            requireFile(servicesFile, "--services");
        }
        if (filter != null && filter.length() > LogFilter.MAX_LENGTH) {
            throw OpsException.usage("--filter is " + filter.length() + " characters, over Cloud Logging's limit of " + LogFilter.MAX_LENGTH);
        }
        window.ifPresent(w -> warnRetention(invocation, w, compare));
        TriageSettings settings = new TriageSettings(severity, wanted, config.joinGap(), config.maxOpenEvents(), config.maxEventLines(),
                config.minEvents(), config.spikeFactor(), 2_000, config.maxTracebackGroups(), 1_000);

        Assignments sink = assignments != null ? AssignmentsFile.create(assignments) : Assignments.NONE;
        LogSource source;
        ServiceAccounts accounts;
        Optional<String> runProject;
        if (input != null) {
            source = new ExportFile(input, invocation);
            accounts = servicesFile != null ? exportAccounts() : ServiceAccounts.NONE;
            runProject = project.project();
        } else {
            GcpAccess access = GcpAccess.of(project.project(), gcp, invocation);
            LogFilter logFilter = new LogFilter(severity, config.resourceTypes(), List.copyOf(wanted), Optional.ofNullable(filter));
            source = CloudLoggingSource.open(access, logFilter, new CloudLoggingSource.Paging(config.pageSize(), config.quotaAttempts(),
                    config.quotaBackoff(), config.quotaMaxBackoff()), config.requestsPerSecond());
            runProject = Optional.of(access.projectId());
            accounts = servicesFile != null ? exportAccounts() : new CloudRunAccounts("the Cloud Run Admin API",
                    region -> AdminApiReader.open(access, region.isEmpty() ? config.region() : region), true);
        }
        TriageReport report = new LogTriageService(source, accounts, PermissionRoles.shipped(), invocation)
                .run(new LogTriageService.Request(window, compare, max, topN, settings, runProject), sink);
        if (output.json()) {
            Json.print(invocation, JsonReport.toJson(report));
        } else {
            TextReport.render(report, invocation.out());
        }
        invocation.out().flush();
        report.current().failure().ifPresent(f -> {
            throw new OpsException(ExitCode.FAILED, "log-triage: the read of " + report.source() + " failed after "
                    + report.current().entries() + " entries (the report above covers only those): "
                    + dev.propsops.cli.ErrorExplainer.explain(f).message(), dev.propsops.cli.ErrorExplainer.explain(f).fix().orElse(null), f);
        });
        if (report.baseline().map(b -> b.failed()).orElse(false)) {
            dev.propsops.cli.Explanation e = dev.propsops.cli.ErrorExplainer.explain(report.baseline().get().failure().get());
            throw new OpsException(ExitCode.FAILED, "log-triage: the baseline read failed (the report above has no new-pattern "
                    + "or spike findings): " + e.message(), e.fix().orElse(null));
        }
        int code = failOn.exitCodeFor(report.worst(), Rating.HIGH);
        if (report.truncated()) {
            invocation.log().warn("the read was truncated at --max-entries " + max + ": the report is incomplete (exit 3)");
            return ExitCode.FINDINGS;
        }
        return code;
    }

    private ServiceAccounts exportAccounts() {
        GcloudExportReader reader = GcloudExportReader.services(servicesFile);
        reader.services(); // a broken export fails now, before the read
        return new CloudRunAccounts("gcloud export " + servicesFile, region -> reader, false);
    }

    private LogSeverity severity() {
        String s = minSeverity != null ? minSeverity : config.minSeverity();
        return LogSeverity.parse(s).orElseThrow(() -> OpsException.usage("--min-severity '" + s + "' is not a Cloud Logging severity",
                "use one of DEFAULT, DEBUG, INFO, NOTICE, WARNING, ERROR, CRITICAL, ALERT, EMERGENCY"));
    }

    private boolean baselineMode() {
        String b = baseline.strip().toLowerCase(Locale.ROOT);
        return switch (b) {
            case "previous-window", "previous_window", "previous" -> true;
            case "none" -> false;
            default -> throw OpsException.usage("--baseline '" + baseline + "' is not previous-window or none");
        };
    }

    /** The window the options ask for; empty when they ask for none. */
    private Optional<Window> window(Invocation invocation) {
        if (since != null && (from != null || to != null)) {
            throw OpsException.usage("--since cannot be combined with --from/--to", "use --since 7d, or --from T [--to T]");
        }
        if (since != null && since.isZero()) {
            throw OpsException.usage("--since must be longer than 0");
        }
        Instant now = invocation.clock().instant().truncatedTo(ChronoUnit.SECONDS);
        if (since != null) {
            return Optional.of(new Window(now.minus(since), now));
        }
        if (from == null && to == null) {
            return Optional.empty();
        }
        Instant end = to != null ? to : now;
        Instant start = from != null ? from : end.minus(config.since());
        if (!end.isAfter(start)) {
            throw OpsException.usage("--from " + start + " is not before --to " + end);
        }
        return Optional.of(new Window(start, end));
    }

    private Window defaultWindow(Invocation invocation) {
        Instant now = invocation.clock().instant().truncatedTo(ChronoUnit.SECONDS);
        return new Window(now.minus(config.since()), now);
    }

    private void warnRetention(Invocation invocation, Window w, boolean compare) {
        Instant oldest = compare ? w.previous().from() : w.from();
        if (input == null && oldest.isBefore(invocation.clock().instant().minus(Duration.ofDays(30)))) {
            invocation.log().warn((compare ? "the baseline window" : "the window") + " starts " + oldest
                    + ", more than 30 days ago: the _Default log bucket keeps 30 days, so older entries are gone unless "
                    + "the bucket's retention is longer");
        }
    }

    private static void requireFile(Path p, String option) {
        if (!Files.isRegularFile(p)) {
            throw OpsException.usage(option + " " + p + ": no such file", option.equals("--input") ? "make it with: " + ExportFile.HOW_TO_MAKE
                    : "make it with: gcloud run services list --format=json > services.json");
        }
        if (!Files.isReadable(p)) {
            throw OpsException.usage(option + " " + p + ": not readable", "check its permissions");
        }
    }

    /** RFC 3339 times, or a date (00:00 UTC). */
    public static final class TimeConverter implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            String v = value.strip();
            try {
                return java.time.OffsetDateTime.parse(v).toInstant();
            } catch (DateTimeParseException e) {
                try {
                    return LocalDate.parse(v).atStartOfDay().toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException e2) {
                    throw new TypeConversionException("'" + value + "' is not a time: use RFC 3339 (2026-01-25T00:00:00Z) or a date (2026-01-25)");
                }
            }
        }
    }
}
