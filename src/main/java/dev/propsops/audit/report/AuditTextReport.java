package dev.propsops.audit.report;

import dev.propsops.audit.AuditReport;
import dev.propsops.audit.CheckResult;
import dev.propsops.audit.Finding;
import dev.propsops.cli.Rating;
import java.io.PrintWriter;

/** The text report: the handoff's severity table, the checks and how they went, then every finding with its evidence. */
public final class AuditTextReport {
    private AuditTextReport() {
    }

    public static void render(AuditReport r, PrintWriter out) {
        out.println("infra-audit: " + Summary.header(r));
        out.println();
        out.printf("%-10s %5s  %s%n", "SEVERITY", "COUNT", "ISSUES");
        for (Rating rating : AuditReport.order()) {
            out.printf("%-10s %5d  %s%n", rating.label(), r.counts().get(rating), Summary.issues(r, rating, 3));
        }
        out.println();
        out.println("checks: " + Summary.checksLine(r));
        for (CheckResult c : r.checks()) {
            String what = switch (c.status()) {
                case SKIPPED -> c.reason().orElse("skipped");
                default -> c.findings().size() + " finding(s), from " + c.source();
            };
            out.printf("  %-8s %-19s %s%n", c.status().key(), c.check(), what);
            for (String p : c.problems()) {
                out.printf("  %-8s %-19s !! not read: %s%n", "", "", p);
            }
            c.fix().ifPresent(f -> out.printf("  %-8s %-19s fix: %s%n", "", "", f));
            for (String n : c.notes()) {
                out.printf("  %-8s %-19s note: %s%n", "", "", n);
            }
        }
        out.println();
        if (r.findings().isEmpty()) {
            out.println(r.anyRan() ? "no findings" : "no check could run: nothing was audited");
        }
        for (Finding f : r.findings()) {
            out.printf("%-9s [%s] %s%n", f.rating().label(), f.check(), f.title());
            for (String e : f.evidence()) {
                out.println("          - " + e);
            }
            f.nextStep().ifPresent(n -> out.println("          next: " + n));
        }
        out.flush();
    }
}
