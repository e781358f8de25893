package dev.propsops.audit.staging;

import dev.propsops.audit.AuditCheck;
import dev.propsops.audit.AuditContext;
import dev.propsops.audit.CheckResult;
import dev.propsops.audit.CheckSkipped;
import dev.propsops.audit.Finding;
import dev.propsops.audit.sources.DatasetTables;
import dev.propsops.cli.DurationConverter;
import dev.propsops.cli.Rating;
import dev.propsops.cli.ByteSize;
import dev.propsops.sport.Sport;
import dev.propsops.sport.SportConfig;
import dev.propsops.staging.DatasetResult;
import dev.propsops.staging.NamePolicy;
import dev.propsops.staging.PlanBuilder;
import dev.propsops.staging.PlannedTable;
import dev.propsops.staging.PruneAction;
import dev.propsops.staging.PrunePlan;
import dev.propsops.staging.PrunePlanner;
import dev.propsops.staging.PruneRules;
import dev.propsops.staging.StagingConfig;
import dev.propsops.staging.StorageCost;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Stale staging tables: staging-prune's own planner ({@code --action report}, its configured pattern, ages and
 * prices) over every configured sport's datasets. LOW per sport with candidates, as in the handoff, with
 * their count, size and monthly cost. It only reads: the same __TABLES__ read per dataset as staging-prune.
 */
public final class StagingCheck implements AuditCheck {
    public static final String ID = "staging";

    private final StagingConfig staging;
    private final SportConfig sports;

    public StagingCheck(StagingConfig staging, SportConfig sports) {
        this.staging = staging;
        this.sports = sports;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Staging tables";
    }

    @Override
    public CheckResult run(AuditContext context) {
        DatasetTables tables = context.sources().tables();
        PruneRules rules = new PruneRules(PruneAction.report, NamePolicy.of(staging.pattern(),
                staging.protectPatterns().orElse(List.of())), staging.olderThan(), staging.grace(), staging.lifecycleAfter(),
                new StorageCost(staging.price().activeGibMonth(), staging.price().longTermGibMonth()),
                context.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        PrunePlanner planner = new PrunePlanner(rules);
        List<Finding> findings = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int read = 0;
        for (Sport sport : Sport.values()) {
            List<String> wanted = sports.of(sport).datasets();
            List<String> present = wanted.stream().filter(tables::has).toList();
            if (present.size() < wanted.size()) {
                notes.add(sport + ": no tables file for " + String.join(", ", wanted.stream().filter(d -> !tables.has(d)).toList())
                        + " in the export");
            }
            if (present.isEmpty()) {
                continue;
            }
            PrunePlan plan = new PlanBuilder(tables, planner, context.invocation()).build(present, Integer.MAX_VALUE);
            for (DatasetResult d : plan.datasets()) {
                if (d.status() == DatasetResult.Status.FAILED) {
                    problems.add("dataset " + d.dataset() + ": " + d.error().orElse("could not be read")
                            + d.fix().map(f -> " (fix: " + f + ")").orElse(""));
                } else {
                    read++;
                }
            }
            List<PlannedTable> candidates = plan.tables().stream().filter(PlannedTable::candidate)
                    .sorted(Comparator.comparingLong((PlannedTable p) -> p.table().sizeBytes()).reversed()).toList();
            if (candidates.isEmpty()) {
                continue;
            }
            long bytes = candidates.stream().mapToLong(p -> p.table().sizeBytes()).sum();
            double monthly = candidates.stream().mapToDouble(PlannedTable::monthlyCost).sum();
            Finding.Builder f = Finding.of(Rating.LOW, ID, sport.name(), String.format(Locale.ROOT,
                            "%d stale %s staging table%s: %s, ~$%.2f/month", candidates.size(), sport.name().toUpperCase(Locale.ROOT),
                            candidates.size() == 1 ? "" : "s",
                            ByteSize.format(bytes), monthly))
                    .evidence("staging names (" + staging.pattern() + ") unmodified for over "
                            + DurationConverter.format(rules.olderThan()) + ", in " + String.join(", ", present));
            candidates.stream().limit(5).forEach(p -> f.evidence(String.format(Locale.ROOT, "%s: %s, modified %dd ago",
                    p.table().fullName(), ByteSize.format(p.table().sizeBytes()), p.table().age(rules.now()).toDays())));
            if (candidates.size() > 5) {
                f.evidence("... and " + (candidates.size() - 5) + " more");
            }
            findings.add(f.next("props-ops staging-prune --sport " + sport + " (the full report); then --action lifecycle "
                            + "--execute for the 90-day rule")
                    .fact("sport", sport.name()).fact("tables", candidates.size()).fact("size_bytes", bytes)
                    .fact("monthly_cost_usd", Math.round(monthly * 100) / 100.0).build());
        }
        if (read == 0 && problems.isEmpty()) {
            throw new CheckSkipped("none of the sports' datasets is in the source (" + tables.describe() + ")",
                    "export them with the commands of --print-export-commands (tables/<dataset>.json)");
        }
        if (read == 0) {
            throw new CheckSkipped("no dataset could be read: " + String.join("; ", problems), null);
        }
        return CheckResult.ran(this, tables.describe(), findings, notes, problems);
    }
}
