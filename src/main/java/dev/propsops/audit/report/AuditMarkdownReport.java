package dev.propsops.audit.report;

import dev.propsops.audit.AuditReport;
import dev.propsops.audit.CheckResult;
import dev.propsops.audit.Finding;
import dev.propsops.cli.Rating;
import java.io.PrintWriter;
import java.time.temporal.ChronoUnit;

/** The markdown report: ready to paste into a handoff or an issue (the handoff's severity table first). */
public final class AuditMarkdownReport {
    private AuditMarkdownReport() {
    }

    public static void render(AuditReport r, PrintWriter out) {
        out.println("## Infrastructure audit, " + r.generatedAt().truncatedTo(ChronoUnit.MINUTES).toString().replace("T", " "));
        out.println();
        out.println(cell(Summary.header(r)));
        out.println();
        out.println("| Severity | Count | Issues |");
        out.println("|----------|-------|--------|");
        for (Rating rating : AuditReport.order()) {
            out.println("| **" + rating.label() + "** | " + r.counts().get(rating) + " | " + cell(Summary.issues(r, rating, 5)) + " |");
        }
        out.println();
        out.println("### Findings");
        out.println();
        if (r.findings().isEmpty()) {
            out.println(r.anyRan() ? "No findings." : "No check could run: nothing was audited.");
            out.println();
        }
        for (Finding f : r.findings()) {
            out.println("#### " + f.rating().label() + ": " + cell(f.title()));
            out.println();
            out.println("Check `" + f.check() + "`.");
            out.println();
            for (String e : f.evidence()) {
                out.println("- " + cell(e));
            }
            f.nextStep().ifPresent(n -> {
                out.println();
                out.println("Next step:");
                out.println();
                out.println("```bash");
                out.println(n);
                out.println("```");
            });
            out.println();
        }
        out.println("### Checks (" + Summary.checksLine(r) + ")");
        out.println();
        out.println("| Check | Status | Details |");
        out.println("|-------|--------|---------|");
        for (CheckResult c : r.checks()) {
            StringBuilder d = new StringBuilder();
            if (c.ran()) {
                d.append(c.findings().size()).append(" finding(s), from ").append(c.source());
            } else {
                d.append(c.reason().orElse("skipped"));
            }
            c.problems().forEach(p -> d.append("; **not read:** ").append(p));
            c.fix().ifPresent(f -> d.append("; fix: ").append(f));
            c.notes().forEach(n -> d.append("; ").append(n));
            out.println("| `" + c.check() + "` | " + c.status().key() + " | " + cell(d.toString()) + " |");
        }
        out.flush();
    }

    /** Table cells and lines: no line breaks, no bare pipes. */
    static String cell(String s) {
        return s.replace("\r", " ").replace("\n", " ").replace("|", "\\|");
    }
}
