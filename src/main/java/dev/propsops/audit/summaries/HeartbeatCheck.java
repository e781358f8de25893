package dev.propsops.audit.summaries;

import dev.propsops.audit.AuditCheck;
import dev.propsops.audit.AuditContext;
import dev.propsops.audit.CheckResult;
import dev.propsops.audit.Finding;
import dev.propsops.cli.Rating;
import dev.propsops.cli.Severity;
import dev.propsops.heartbeat.monitor.MonitorReport;
import java.util.ArrayList;
import java.util.List;

/**
 * heartbeat-monitor's findings, from its own service (MonitorService on the heartbeat collection), rated as
 * that job rates them: its critical is CRITICAL (a proliferated collection, a score under the minimum, no
 * processor reporting), its warn is MEDIUM (late, stale, failed or missing processors, legacy writers).
 */
public final class HeartbeatCheck implements AuditCheck {
    public static final String ID = "heartbeats";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Heartbeats (heartbeat-monitor)";
    }

    @Override
    public CheckResult run(AuditContext context) {
        MonitorReport report = context.sources().heartbeats().check(context.now());
        List<Finding> findings = new ArrayList<>();
        String score = report.score().isPresent() ? report.score().getAsInt() + "/100" : "n/a";
        for (MonitorReport.Finding f : report.findings()) {
            findings.add(Finding.of(rating(f.severity()), ID, "heartbeat-monitor", f.message())
                    .evidence(String.format(java.util.Locale.ROOT, "collection size %,d (bound %,d), health score %s (minimum %d)",
                            report.size(), report.maxDocs(), score, report.minScore()))
                    .next(f.message().contains("heartbeat-cleanup") ? "props-ops heartbeat-cleanup (a dry run), then --execute"
                            : "props-ops heartbeat-monitor (the full report)")
                    .fact("heartbeat_severity", f.severity().name()).build());
        }
        List<String> notes = List.of(report.processors().size() + " processor(s), health score " + score + ", "
                + report.docsRead() + " docs read");
        return CheckResult.ran(this, report.where(), findings, notes, List.of());
    }

    static Rating rating(Severity s) {
        return switch (s) {
            case critical -> Rating.CRITICAL;
            case warn -> Rating.MEDIUM;
            case ok -> Rating.INFO;
        };
    }
}
