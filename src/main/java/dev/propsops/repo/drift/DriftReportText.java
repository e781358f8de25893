package dev.propsops.repo.drift;

import java.io.PrintWriter;
import java.util.Map;
import java.util.stream.Collectors;

/** The text report of deploy-drift: one block per service or job, worst first, then the totals. */
public final class DriftReportText {
    private DriftReportText() {
    }

    public static void render(DriftReport r, PrintWriter out) {
        out.println("deploy-drift: " + r.source());
        out.println("  against " + r.repository() + " (" + r.branch().name() + " at " + r.branch().tip().shortId()
                + "), service map " + r.servicesFile());
        out.println();
        for (UnitCheck u : r.units()) {
            out.printf("%-8s %s %s: %s%n", u.rating().label(), u.kind().key(), u.name(), u.verdict().label());
            if (u.revisions().size() > 1) {
                for (RevisionCheck c : u.revisions()) {
                    out.println("         - " + c.verdict().label() + ": " + c.message());
                    c.fix().ifPresent(f -> out.println("           fix: " + f));
                }
            } else {
                out.println("         " + u.message());
                u.fix().ifPresent(f -> out.println("         fix: " + f));
            }
        }
        if (r.units().isEmpty()) {
            out.println("(the service map is empty and Cloud Run has nothing)");
        }
        out.println();
        Map<Verdict, Long> counts = r.counts();
        String tally = counts.entrySet().stream().filter(e -> e.getValue() > 0).map(e -> e.getValue() + " " + e.getKey().label())
                .collect(Collectors.joining(", "));
        out.println(r.units().size() + " services and jobs" + (tally.isEmpty() ? "" : ": " + tally)
                + r.worst().map(w -> "; worst " + w.label()).orElse(""));
        out.println(r.failOn().map(t -> r.failing().isEmpty() ? "nothing at or above --fail-on " + t.key()
                : r.failing().size() + " at or above --fail-on " + t.key() + ": exit 3").orElse("--fail-on never: report only"));
    }
}
