package dev.propsops.audit.summaries;

import dev.propsops.audit.AuditCheck;
import dev.propsops.audit.AuditContext;
import dev.propsops.audit.CheckResult;
import dev.propsops.audit.Finding;
import dev.propsops.cli.ErrorExplainer;
import dev.propsops.logs.report.TriageReport;
import dev.propsops.logs.source.Window;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * log-triage's top findings over the audit's window, from its own service, rated as log-triage rates them
 * (the handoff's bare "Error: " entries HIGH, a permission error MEDIUM with the command that grants the role).
 */
public final class LogsCheck implements AuditCheck {
    public static final String ID = "logs";
    static final int TOP = 10;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Logs (log-triage)";
    }

    @Override
    public CheckResult run(AuditContext context) {
        TriageReport report = context.sources().logs().triage(new Window(context.windowStart(), context.now()));
        List<String> notes = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        report.current().failure().ifPresent(f -> problems.add("the read failed after " + report.current().entries()
                + " entries (the findings cover only those): " + ErrorExplainer.explain(f).message()));
        if (report.truncated()) {
            problems.add("the read stopped at ops.logs.max-entries (" + report.maxEntries() + "): later entries were not triaged");
        }
        List<dev.propsops.logs.findings.Finding> all = report.findings().stream()
                .sorted(Comparator.comparing(dev.propsops.logs.findings.Finding::rating).reversed()
                        .thenComparing(Comparator.comparingLong(dev.propsops.logs.findings.Finding::count).reversed()))
                .toList();
        List<Finding> findings = new ArrayList<>();
        for (dev.propsops.logs.findings.Finding f : all.subList(0, Math.min(TOP, all.size()))) {
            Finding.Builder b = Finding.of(f.rating(), ID, f.service(), f.service() + ": " + f.summary())
                    .evidence(String.format(Locale.ROOT, "%,d occurrence(s)%s", f.count(), f.first().map(t -> ", " + t
                            + f.last().map(l -> " to " + l).orElse("")).orElse("")));
            if (f.sample() != null && !f.sample().isBlank()) {
                b.evidence("sample: " + shorten(f.sample().strip().replace('\n', ' '), 200));
            }
            f.revision().ifPresent(r -> b.evidence("revision " + r));
            findings.add(b.next(f.command().orElse(f.fix())).fact("rule", f.rule().name()).fact("service", f.service())
                    .fact("count", f.count()).fact("first", f.first().map(Instant::toString).orElse(null)).build());
        }
        if (all.size() > TOP) {
            notes.add((all.size() - TOP) + " more finding(s): props-ops log-triage --since ... for all of them");
        }
        notes.add(String.format(Locale.ROOT, "%,d entries read from %s", report.current().entries(), report.source()));
        return CheckResult.ran(this, report.source(), findings, notes, problems);
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }
}
