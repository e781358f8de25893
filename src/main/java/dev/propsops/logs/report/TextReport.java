package dev.propsops.logs.report;

import dev.propsops.cli.DurationConverter;
import dev.propsops.cli.Rating;
import dev.propsops.logs.findings.Finding;
import dev.propsops.logs.source.Malformed;
import dev.propsops.logs.source.ReadResult;
import dev.propsops.logs.source.Window;
import dev.propsops.logs.triage.Occurrences;
import dev.propsops.logs.triage.Pattern;
import dev.propsops.logs.triage.Triage;
import dev.propsops.logs.triage.TriageResult;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The text report: what was read, the findings (worst first), then the top patterns of each service. */
public final class TextReport {

    private static final int SAMPLE_CHARS = 300;

    private TextReport() {
    }

    public static void render(TriageReport r, PrintWriter out) {
        TriageResult res = r.result();
        out.println("log-triage: " + r.source());
        out.println("window:   " + r.window().map(TextReport::window).orElse("the whole file (no entries in it)")
                + ", severity >= " + r.minSeverity() + ", services: " + (r.services().isEmpty() ? "all" : String.join(", ", r.services())));
        out.println("baseline: " + baseline(r));
        out.println("read:     " + read(r));
        if (res.malformedTotal() > 0) {
            out.println("          " + count(res.malformedTotal()) + " malformed entr" + (res.malformedTotal() == 1 ? "y" : "ies")
                    + " skipped (" + malformed(res.malformed()) + ")");
        }
        if (res.skippedTotal() > 0) {
            out.println("          " + count(res.skippedTotal()) + " entries out of scope skipped (" + skipped(res.skipped()) + ")");
        }
        if (r.current().truncated()) {
            out.println("!! TRUNCATED: the read stopped at --max-entries " + count(r.maxEntries())
                    + ": counts are lower bounds, and the end of the window was not read");
        }
        if (r.baseline().map(ReadResult::truncated).orElse(false)) {
            out.println("!! the baseline read stopped at --max-entries " + count(r.maxEntries()) + ": its counts are lower bounds");
        }
        r.current().failure().ifPresent(f -> out.println("!! THE READ FAILED after " + count(r.current().entries())
                + " entries: this report covers only what was read (" + f.getMessage() + ")"));
        r.filter().ifPresent(f -> out.println("filter:   " + f));
        r.assignments().ifPresent(a -> out.println("assignments: " + a + " (" + count(r.assignmentsWritten()) + " lines)"));
        out.println();
        if (r.noErrors()) {
            out.println("no errors: no entry at severity >= " + r.minSeverity() + " in the window.");
            return;
        }
        if (r.nothingFound()) {
            out.println("nothing to triage: no readable entry at severity >= " + r.minSeverity() + " in the window, but "
                    + count(res.malformedTotal()) + " malformed entr" + (res.malformedTotal() == 1 ? "y was" : "ies were")
                    + " skipped: check the input (gcloud logging read ... --format=json makes a good one)");
            return;
        }
        findings(r, out);
        patterns(r, out);
    }

    private static void findings(TriageReport r, PrintWriter out) {
        List<Finding> fs = r.findings();
        List<String> counts = new ArrayList<>();
        for (Rating rating : new Rating[] {Rating.CRITICAL, Rating.HIGH, Rating.MEDIUM, Rating.LOW}) {
            long n = fs.stream().filter(f -> f.rating() == rating).count();
            if (n > 0) {
                counts.add(n + " " + rating.key());
            }
        }
        out.println("FINDINGS" + (counts.isEmpty() ? ": none" : " (" + String.join(", ", counts) + ")"));
        for (Finding f : fs) {
            out.printf(Locale.ROOT, "%-7s %-18s %s  %s events%s%n", f.rating().label(), f.rule().key(), f.service(), count(f.count()),
                    f.first().map(first -> "  " + time(first) + " .. " + time(f.last().orElse(first))).orElse(""));
            out.println("        " + f.summary());
            if (!f.sampleInsertId().isEmpty()) {
                out.println("        sample insertId: " + f.sampleInsertId());
            }
            f.role().ifPresent(role -> out.println("        role: " + role));
            f.command().ifPresent(c -> out.println("        run:  " + c));
            out.println("        fix:  " + f.fix());
        }
        out.println();
    }

    private static void patterns(TriageReport r, PrintWriter out) {
        out.println("TOP PATTERNS (per service, most events first)");
        for (Map.Entry<String, List<Pattern>> e : r.result().patterns().entrySet()) {
            String service = e.getKey();
            long seen = r.patternsSeen(service);
            if (seen == 0) {
                continue;
            }
            List<Pattern> top = r.top(service);
            out.println(service + ": " + count(r.eventsOf(service)) + " events in " + seen + " pattern(s)"
                    + (top.size() < seen ? ", the top " + top.size() + ":" : ":"));
            for (Pattern p : top) {
                Occurrences o = p.seen();
                out.printf(Locale.ROOT, "  #%-5d %s events  %s  %s  %s .. %s%n", p.id(), count(o.count()),
                        r.ratePerHour(o).map(v -> String.format(Locale.ROOT, "%.1f/h", v)).orElse("-/h"), trend(r, o),
                        time(o.first()), time(o.last()));
                out.println("         " + (p.traceback() ? "traceback: " : "") + p.template());
                out.println("         sample: " + oneLine(cut(o.sample())));
            }
        }
    }

    private static String cut(String s) {
        return s.length() <= SAMPLE_CHARS ? s : s.substring(0, SAMPLE_CHARS) + "...";
    }

    private static String trend(TriageReport r, Occurrences o) {
        return r.trend(o).map(t -> t.equals("new") ? "new (none in the baseline)"
                : String.format(Locale.ROOT, "%s %.1fx the baseline (%s)", t, r.change(o).orElse(1.0), count(o.baseline())))
                .orElse("no baseline");
    }

    private static String baseline(TriageReport r) {
        if (r.baselineMode().equals("none")) {
            return "none (--baseline none): no new-pattern or spike findings";
        }
        StringBuilder sb = new StringBuilder("previous window");
        r.result().baseline().ifPresent(w -> sb.append(' ').append(window(w)));
        if (r.baselineRead()) {
            sb.append(": ").append(count(r.result().baselineEntries())).append(" entries, ").append(count(r.result().baselineEvents()))
                    .append(" events");
        }
        r.baselineNote().ifPresent(n -> sb.append(": ").append(n));
        return sb.toString();
    }

    private static String read(TriageReport r) {
        TriageResult res = r.result();
        StringBuilder sb = new StringBuilder(count(r.current().entries())).append(" entries");
        if (r.current().requests() > 0) {
            sb.append(" in ").append(count(r.current().requests() + r.baseline().map(ReadResult::requests).orElse(0L)))
                    .append(" requests (baseline included)");
        }
        sb.append(" -> ").append(count(res.currentEvents())).append(" events in the window, in ")
                .append(res.patterns().keySet().stream().filter(s -> r.eventsOf(s) > 0).count()).append(" service(s)");
        return sb.toString();
    }

    static String malformed(Map<Malformed, Long> m) {
        List<String> parts = new ArrayList<>();
        for (Malformed k : Malformed.values()) {
            if (m.getOrDefault(k, 0L) > 0) {
                parts.add(count(m.get(k)) + " " + k.label());
            }
        }
        return String.join(", ", parts);
    }

    static String skipped(Map<Triage.Skip, Long> m) {
        List<String> parts = new ArrayList<>();
        m.forEach((k, v) -> parts.add(count(v) + " " + switch (k) {
            case BELOW_MIN_SEVERITY -> "below --min-severity";
            case OTHER_SERVICE -> "of other services";
            case OUTSIDE_WINDOW -> "outside the windows";
        }));
        return String.join(", ", parts);
    }

    private static String window(Window w) {
        return time(w.from()) + " .. " + time(w.to()) + " (" + DurationConverter.format(w.length()) + ")";
    }

    static String time(Instant t) {
        return t == null ? "-" : t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String oneLine(String s) {
        return s.replace("\n", " | ");
    }
}
