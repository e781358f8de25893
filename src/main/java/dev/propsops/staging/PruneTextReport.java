package dev.propsops.staging;

import dev.propsops.cli.DurationConverter;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * The report for people: every table with a staging name (candidate or not, and why), what happens to it,
 * its age, size, rows and monthly cost; then the datasets, the totals and the estimated saving. Tables
 * that are not staging tables are only counted (the JSON lists them all).
 */
public final class PruneTextReport {
    private PruneTextReport() {
    }

    public static void render(PruneReport r, PrintWriter out) {
        PruneRules rules = r.rules();
        out.printf("staging-prune %s, %s: action %s, %s%n", r.sport(), r.source(), rules.action().name(),
                r.executed() ? "executed" : rules.action().mutates() ? "DRY RUN (nothing was changed)" : "read-only");
        out.printf("  staging pattern %s; older than %s; grace %s; lifecycle %s after last modification%n",
                rules.names().stagingPattern(), DurationConverter.format(rules.olderThan()),
                DurationConverter.format(rules.grace()), DurationConverter.format(rules.lifecycleAfter()));
        out.println();

        int width = Math.max(40, r.plan().tables().stream().mapToInt(p -> p.table().fullName().length()).max().orElse(0));
        String row = "%-" + width + "s %6s %10s %14s %9s  %s%n";
        long others = 0;
        boolean header = false;
        for (int i = 0; i < r.plan().tables().size(); i++) {
            PlannedTable p = r.plan().tables().get(i);
            if (!p.candidate() && !rules.names().isStaging(p.table().table())) {
                others++;
                continue;
            }
            if (!header) {
                out.printf(row, "TABLE", "AGE", "SIZE", "ROWS", "$/MONTH", "ACTION");
                header = true;
            }
            TableMeta t = p.table();
            out.printf(row, t.fullName(), t.age(rules.now()).toDays() + "d", bytes(t.sizeBytes()),
                    String.format(Locale.ROOT, "%,d", t.rows()), String.format(Locale.ROOT, "%.2f", p.monthlyCost()),
                    action(p, r.outcomes().get(i)));
            out.println("    " + p.reason());
        }
        long read = r.plan().datasets().stream().filter(d -> d.status() == DatasetResult.Status.OK).count();
        long failed = r.plan().datasets().stream().filter(d -> d.status() == DatasetResult.Status.FAILED).count();
        if (!header && read == 0 && failed > 0) {
            // a clean-looking line here would read as "nothing to clean up" when in fact nothing was read
            out.printf("NOTHING COULD BE READ: all %d dataset(s) failed (below); this is not a clean result.%n", failed);
        } else if (!header) {
            out.println("no table has a staging name" + (failed > 0
                    ? " in the " + read + " dataset(s) read; " + failed + " dataset(s) could not be read (below)." : "."));
        }
        if (others > 0) {
            out.printf("%,d other table(s) do not have a staging name (--output json lists every table).%n", others);
        }
        out.println();
        for (DatasetResult d : r.plan().datasets()) {
            switch (d.status()) {
                case OK -> out.printf("dataset %s: %,d table(s) read%n", d.dataset(), d.tables());
                case NOT_IN_INVENTORY -> out.printf("dataset %s: not in the inventory file, not planned%n", d.dataset());
                case FAILED -> {
                    out.printf("dataset %s: FAILED: %s%n", d.dataset(), d.error().orElse("unknown error"));
                    d.fix().ifPresent(f -> out.println("  fix: " + f));
                }
            }
        }
        PruneReport.Totals s = r.totals();
        out.printf("totals: %,d table(s), %s, $%.2f/month; %,d candidate(s), %s; %,d to change", s.tables(),
                bytes(s.sizeBytes()), s.monthlyCost(), s.candidates(), bytes(s.candidateSizeBytes()), s.changes());
        if (r.executed()) {
            out.printf(" (%,d done, %,d skipped, %,d failed)", s.done(), s.skipped(), s.failed());
        }
        out.printf("%nestimated saving: $%.2f/month%s%n", s.savingPerMonth(),
                rules.action() == PruneAction.report ? " if the candidates were pruned" : " once these tables are gone");
        if (r.plan().capped()) {
            out.printf("STOPPED: the plan changes %,d tables, more than --max-tables %,d: nothing was changed. "
                    + "Narrow it (--dataset, --pattern, --older-than) or raise --max-tables.%n", s.changes(), r.plan().maxTables());
        } else if (!r.executed() && rules.action().mutates() && s.changes() > 0) {
            out.println("dry run: add --execute to apply" + (r.source().startsWith("inventory") ? " (against BigQuery, without --inventory)" : ""));
        }
        r.manifest().ifPresent(m -> out.println("restore manifest: " + m));
        out.flush();
    }

    private static String action(PlannedTable p, Outcome o) {
        String a = p.step().label();
        if (p.newExpiration().isPresent()) {
            a += " -> expires " + p.newExpiration().get();
        }
        if (o.status() != Outcome.Status.NONE) {
            a += " (" + o.status().label() + o.detail().map(d -> ": " + d).orElse("") + ")";
        }
        return a;
    }

    static String bytes(long n) {
        String[] units = { "B", "KiB", "MiB", "GiB", "TiB", "PiB" };
        double v = n;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return u == 0 ? n + " B" : String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
