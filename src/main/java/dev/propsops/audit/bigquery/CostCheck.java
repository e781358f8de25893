package dev.propsops.audit.bigquery;

import dev.propsops.audit.AuditCheck;
import dev.propsops.audit.AuditConfig;
import dev.propsops.audit.AuditContext;
import dev.propsops.audit.CheckResult;
import dev.propsops.audit.Finding;
import dev.propsops.cli.DurationConverter;
import dev.propsops.cli.Rating;
import dev.propsops.cli.ByteSize;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * BigQuery query cost: the most expensive query shapes of the window, priced on demand and projected to a
 * month (cost x 30 days / window). Each shape is rated by its projected monthly cost against
 * {@code ops.audit.cost.*-usd-month}; one INFO finding gives the totals.
 */
public final class CostCheck implements AuditCheck {
    public static final String ID = "bigquery-cost";
    static final double TIB = 1024.0 * 1024 * 1024 * 1024;

    private final AuditConfig.Cost config;

    public CostCheck(AuditConfig.Cost config) {
        this.config = config;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "BigQuery cost";
    }

    @Override
    public CheckResult run(AuditContext context) {
        JobHistory history = context.sources().jobHistory();
        CostSummary summary = history.costByShape(context.windowStart(), context.now(), config.top());
        Duration window = context.since();
        String days = DurationConverter.format(window);
        List<Finding> findings = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        history.earliestJob().filter(e -> e.isAfter(context.windowStart().plus(Duration.ofHours(1))))
                .ifPresent(e -> notes.add("the job history starts at " + e + ", after the window's start: the cost is "
                        + "under-counted and projected from fewer days than --since " + days));
        findings.add(Finding.of(Rating.INFO, ID, "project", String.format(Locale.ROOT,
                        "%,d billed query runs in %,d shapes: %s billed, $%.2f over %s (~$%.2f/month)", summary.runs(), summary.shapes(),
                        ByteSize.format(summary.bytesBilled()), usd(summary.bytesBilled()), days, monthly(summary.bytesBilled(), window)))
                .evidence("from " + history.describe() + "; cache hits and script parent rows are left out")
                .evidence(String.format(Locale.ROOT, "on-demand price $%.2f per TiB billed (ops.audit.cost.price-per-tib)", config.pricePerTib()))
                .fact("runs", summary.runs()).fact("shapes", summary.shapes()).fact("bytes_billed", summary.bytesBilled())
                .fact("usd", round(usd(summary.bytesBilled()))).fact("usd_per_month", round(monthly(summary.bytesBilled(), window)))
                .build());
        int rank = 0;
        for (ShapeCost s : summary.top()) {
            rank++;
            double perMonth = monthly(s.bytesBilled(), window);
            Rating rating = rate(perMonth);
            String users = String.join(", ", s.users()) + (s.userCount() > s.users().size() ? " and " + (s.userCount() - s.users().size()) + " more" : "");
            findings.add(Finding.of(rating, ID, "query shape #" + rank, String.format(Locale.ROOT,
                            "query shape #%d costs ~$%.2f/month (%,d run%s, %s billed in %s)", rank, perMonth, s.runs(), s.runs() == 1 ? "" : "s",
                            ByteSize.format(s.bytesBilled()), days))
                    .evidence("shape: " + shorten(s.shape(), 300))
                    .evidence(String.format(Locale.ROOT, "$%.2f over %s at $%.2f/TiB; %s of all billed bytes", usd(s.bytesBilled()), days,
                            config.pricePerTib(), percent(s.bytesBilled(), summary.bytesBilled())))
                    .evidence("run by " + (users.isEmpty() ? "(no user recorded)" : users))
                    .evidence("most expensive job: " + s.topJobId())
                    .next("bq show -j " + s.topJobId() + " (then partition or cluster what it reads, select fewer columns, or cache its result)")
                    .fact("shape", s.shape()).fact("runs", s.runs()).fact("bytes_billed", s.bytesBilled())
                    .fact("usd", round(usd(s.bytesBilled()))).fact("usd_per_month", round(perMonth))
                    .fact("user_count", s.userCount()).fact("users", String.join(",", s.users())).fact("top_job_id", s.topJobId())
                    .build());
        }
        return CheckResult.ran(this, history.describe(), findings, notes, List.of());
    }

    Rating rate(double perMonth) {
        if (perMonth >= config.criticalUsdMonth()) {
            return Rating.CRITICAL;
        }
        if (perMonth >= config.highUsdMonth()) {
            return Rating.HIGH;
        }
        if (perMonth >= config.mediumUsdMonth()) {
            return Rating.MEDIUM;
        }
        return perMonth >= config.lowUsdMonth() ? Rating.LOW : Rating.INFO;
    }

    double usd(long bytes) {
        return bytes / TIB * config.pricePerTib();
    }

    double monthly(long bytes, Duration window) {
        return usd(bytes) * Duration.ofDays(30).toSeconds() / Math.max(1, window.toSeconds());
    }

    static double round(double usd) {
        return Math.round(usd * 100) / 100.0;
    }

    private static String percent(long part, long all) {
        return all <= 0 ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / all);
    }

    static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }
}
