package dev.propsops.audit.summaries;

import dev.propsops.cli.Invocation;
import dev.propsops.logs.LogTriageService;
import dev.propsops.logs.LogsConfig;
import dev.propsops.logs.findings.PermissionRoles;
import dev.propsops.logs.findings.ServiceAccounts;
import dev.propsops.logs.report.TriageReport;
import dev.propsops.logs.source.LogSource;
import dev.propsops.logs.source.LogSeverity;
import dev.propsops.logs.source.Window;
import dev.propsops.logs.triage.Assignments;
import dev.propsops.logs.triage.TriageSettings;
import java.util.Optional;
import java.util.Set;

/**
 * One log-triage run as log-triage itself runs it with its defaults ({@code ops.logs.*}: minimum severity,
 * event assembly, entry cap), on every service, without a baseline window (the audit reads the window once).
 */
public final class LogTriageRun implements LogsSource {
    private final LogSource source;
    private final ServiceAccounts accounts;
    private final LogsConfig config;
    private final Optional<String> project;
    private final Invocation invocation;

    public LogTriageRun(LogSource source, ServiceAccounts accounts, LogsConfig config, Optional<String> project, Invocation invocation) {
        this.source = source;
        this.accounts = accounts;
        this.config = config;
        this.project = project;
        this.invocation = invocation;
    }

    /** The minimum severity log-triage is configured with. */
    public static LogSeverity severity(LogsConfig config) {
        return LogSeverity.parse(config.minSeverity()).orElse(LogSeverity.parse("ERROR").orElseThrow());
    }

    @Override
    public TriageReport triage(Window window) {
        TriageSettings settings = new TriageSettings(severity(config), Set.of(), config.joinGap(), config.maxOpenEvents(),
                config.maxEventLines(), config.minEvents(), config.spikeFactor(), 2_000, config.maxTracebackGroups(), 1_000);
        return new LogTriageService(source, accounts, PermissionRoles.shipped(), invocation)
                .run(new LogTriageService.Request(Optional.of(window), false, config.maxEntries(), config.top(), settings, project),
                        Assignments.NONE);
    }
}
