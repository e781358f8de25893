package dev.propsops.demo;

import static dev.propsops.demo.DemoText.chapter;
import static dev.propsops.demo.DemoText.n;
import static dev.propsops.demo.DemoText.took;

import dev.propsops.cli.DurationConverter;
import dev.propsops.cli.Invocation;
import dev.propsops.staging.NamePolicy;
import dev.propsops.staging.PlanBuilder;
import dev.propsops.staging.PruneAction;
import dev.propsops.staging.PrunePlan;
import dev.propsops.staging.PrunePlanner;
import dev.propsops.staging.PruneReport;
import dev.propsops.staging.PruneRules;
import dev.propsops.staging.PruneTextReport;
import dev.propsops.staging.StagingConfig;
import dev.propsops.staging.StorageCost;
import dev.propsops.staging.demo.DemoInventory;
import dev.propsops.staging.inventory.InventoryFileCatalog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The staging chapter: a generated {@code nba_raw.__TABLES__} inventory like the audit's (50 staging names),
 * planned by the real staging-prune planner from the inventory file, as {@code --inventory} does: the
 * report, then {@code expire} as a dry run. Nothing is changed anywhere; no Google Cloud.
 */
final class StagingChapter {
    /** Table entries shown per report; the rest are counted (the command prints them all). */
    static final int SHOWN = 9;

    /** The figures of the last screen. */
    record Result(long stagingNamed, long candidates, long candidateBytes, double monthlyCost, long fresh, long protectedByName,
            long views, long toExpire, Instant expiresAt, double saving, boolean capped) {
    }

    private final StagingConfig config;
    private final Invocation invocation;

    StagingChapter(StagingConfig config, Invocation invocation) {
        this.config = config;
        this.invocation = invocation;
    }

    Result run(Path workDir) {
        PrintWriter out = invocation.out();
        Instant now = invocation.clock().instant().truncatedTo(ChronoUnit.SECONDS);
        DemoInventory inventory = new DemoInventory(now);
        Path file = inventory.write(workDir.resolve("nba_raw-tables.json"));
        String protect = String.join(",", DemoInventory.PROTECT_PATTERNS);
        chapter(out, "7. staging-prune: the report", "The audit found 50 tables with a staging name in nba_raw "
                + "(bq ls | grep -E \"_temp|_staging|_backup|_old\"). A __TABLES__ inventory like it is generated: "
                + inventory.count(DemoInventory.Kind.STALE) + " stale staging tables (among them the handoff's odds_api_temp_test, "
                + "player_game_summary_staging_v2 and team_defense_backup_20250115), " + inventory.count(DemoInventory.Kind.FRESH)
                + " written in the last days by a backfill, " + inventory.count(DemoInventory.Kind.PROTECTED) + " protected by name ("
                + "ops.staging.protect-patterns=" + protect + "), " + inventory.count(DemoInventory.Kind.VIEW) + " view, and "
                + inventory.count(DemoInventory.Kind.PRODUCTION) + " production tables. The real planner reads it as --inventory does. "
                + "From a shell, on an inventory of your own: props-ops staging-prune --sport nba --dataset nba_raw --inventory FILE "
                + "(" + InventoryFileCatalog.HOW_TO_MAKE + ").");
        long t = System.nanoTime();
        PruneReport report = plan(file, PruneAction.report, now);
        print(report, out);
        took(out, t);

        PruneRules expireRules = rules(PruneAction.expire, now);
        chapter(out, "8. staging-prune --action expire (dry run)", "expire gives each candidate an expiration "
                + DurationConverter.format(expireRules.grace()) + " from now (" + expireRules.graceEnd() + "): its owner can still "
                + "keep it (remove the expiration, or label it props-ops-keep: true), then BigQuery deletes it. A dry run unless "
                + "--execute; against BigQuery (not an inventory file), and never more than --max-tables " + config.maxTables()
                + " tables in one run.");
        t = System.nanoTime();
        PruneReport expire = plan(file, PruneAction.expire, now);
        print(expire, out);
        took(out, t);

        PruneReport.Totals totals = report.totals();
        long stagingNamed = report.plan().tables().stream().filter(p -> p.candidate() || report.rules().names().isStaging(p.table().table()))
                .count();
        return new Result(stagingNamed, totals.candidates(), totals.candidateSizeBytes(), totals.savingPerMonth(),
                inventory.count(DemoInventory.Kind.FRESH), inventory.count(DemoInventory.Kind.PROTECTED),
                inventory.count(DemoInventory.Kind.VIEW), expire.plan().changes().size(), expireRules.graceEnd(),
                expire.totals().savingPerMonth(), expire.plan().capped());
    }

    private PruneReport plan(Path file, PruneAction action, Instant now) {
        InventoryFileCatalog catalog = InventoryFileCatalog.load(file);
        PruneRules rules = rules(action, now);
        PrunePlan plan = new PlanBuilder(catalog, new PrunePlanner(rules), invocation).build(List.of(DemoInventory.DATASET),
                config.maxTables());
        return new PruneReport("nba", catalog.describe(), catalog.project(), rules, plan, PruneReport.notExecuted(plan), false,
                Optional.empty());
    }

    private PruneRules rules(PruneAction action, Instant now) {
        return new PruneRules(action, NamePolicy.of(config.pattern(), DemoInventory.PROTECT_PATTERNS), config.olderThan(),
                config.grace(), config.lifecycleAfter(), new StorageCost(config.price().activeGibMonth(),
                        config.price().longTermGibMonth()), now);
    }

    /** The real text report, its table cut after the first entries. */
    private static void print(PruneReport report, PrintWriter out) {
        StringWriter buffer = new StringWriter();
        PruneTextReport.render(report, new PrintWriter(buffer));
        boolean inTable = false;
        int entries = 0;
        for (String line : buffer.toString().lines().toList()) {
            boolean reason = line.startsWith("    ");
            boolean entry = !reason && line.matches("\\S+\\.\\S+\\s.*");
            if (line.startsWith("TABLE ")) {
                inTable = true;
            } else if (inTable && !reason && !entry) {
                inTable = false;
                if (entries > SHOWN) {
                    out.println("... and " + n(entries - SHOWN) + " more tables with a staging name (the command lists them all)");
                }
            }
            entries += inTable && entry ? 1 : 0;
            if (!inTable || entries <= SHOWN) {
                out.println(line);
            }
        }
        out.flush();
    }

    /** The line of the last screen. */
    static String summary(Result r) {
        return String.format(Locale.ROOT, "%d staging-named tables, %d stale (%.1f GiB, $%.2f/month) -> expire dry run: %d would expire "
                + "on %s, saving $%.2f/month; kept: %d fresh, %d protected, %d view", r.stagingNamed(), r.candidates(),
                r.candidateBytes() / (double) (1L << 30), r.monthlyCost(), r.toExpire(), r.expiresAt().toString().substring(0, 10),
                r.saving(), r.fresh(), r.protectedByName(), r.views());
    }
}
