package dev.propsops.audit.report;

import dev.propsops.audit.AuditReport;
import dev.propsops.audit.CheckResult;
import dev.propsops.audit.Finding;
import dev.propsops.cli.DurationConverter;
import dev.propsops.cli.Rating;
import java.util.List;
import java.util.stream.Collectors;

/** What the text and markdown reports share: the header line, and the Issues column of the severity table. */
final class Summary {
    private Summary() {
    }

    static String header(AuditReport r) {
        return "project " + r.project().orElse("(unknown)") + r.projectNumber().map(n -> " (number " + n + ")").orElse("")
                + ", from " + r.source() + ", Cloud Run region " + r.region() + "; window: the last "
                + DurationConverter.format(r.since()) + " to " + r.generatedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    static String issues(AuditReport r, Rating rating, int max) {
        List<Finding> of = r.findings().stream().filter(f -> f.rating() == rating).toList();
        if (of.isEmpty()) {
            return "None";
        }
        String shown = of.stream().limit(max).map(f -> shorten(f.title(), 70)).collect(Collectors.joining("; "));
        return of.size() > max ? shown + "; +" + (of.size() - max) + " more" : shown;
    }

    static String checksLine(AuditReport r) {
        long partial = r.count(CheckResult.Status.PARTIAL);
        long ran = partial + r.count(CheckResult.Status.OK);
        return ran + " of " + r.checks().size() + " checks ran" + (partial > 0 ? " (" + partial + " in part)" : "")
                + ", " + r.count(CheckResult.Status.SKIPPED) + " skipped";
    }

    static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }
}
