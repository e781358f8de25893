package dev.propsops.audit.budget;

import dev.propsops.audit.AuditCheck;
import dev.propsops.audit.AuditContext;
import dev.propsops.audit.CheckResult;
import dev.propsops.audit.CheckSkipped;
import dev.propsops.audit.Failures;
import dev.propsops.audit.Finding;
import dev.propsops.cli.Rating;
import dev.propsops.cli.StoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Budgets: LOW when no budget of the project's billing account covers the project, or when none that covers
 * it alerts at {@code ops.audit.budget.max-threshold} (80%) or below. Budgets name projects by number, so the
 * project matches by number (project.json, a bucket's projectNumber, or ops.audit.project-number) and by id.
 * Listing budgets needs roles/billing.viewer on the billing account, which a project's owners often lack:
 * then the check is skipped, not the audit failed.
 */
public final class BudgetCheck implements AuditCheck {
    public static final String ID = "budget";

    private final double maxThreshold;

    public BudgetCheck(double maxThreshold) {
        this.maxThreshold = maxThreshold;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Budget alerts";
    }

    @Override
    public CheckResult run(AuditContext context) {
        String project = context.requireProject();
        BudgetSource source = context.sources().budgets();
        Optional<BudgetSource.BillingInfo> billing = source.billing(project);
        List<Finding> findings = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (billing.isPresent() && !billing.get().enabled()) {
            findings.add(Finding.of(Rating.INFO, ID, project, "billing is not enabled for " + project + ": nothing is charged, "
                    + "no budget needed").build());
            return CheckResult.ran(this, source.describe(), findings, notes, List.of());
        }
        Optional<String> account = billing.flatMap(BudgetSource.BillingInfo::account);
        String accountId = account.map(a -> a.replaceFirst("^billingAccounts/", "")).orElse("ACCOUNT");
        List<Budget> budgets;
        try {
            budgets = source.budgets(account);
        } catch (StoreException e) {
            if (Failures.permissionDenied(e) && !Failures.apiDisabled(e)) {
                throw new CheckSkipped("skipped: needs roles/billing.viewer on the billing account " + account.orElse("(unknown)"),
                        "gcloud billing accounts add-iam-policy-binding " + accountId
                                + " --member=serviceAccount:<the job's service account> --role=roles/billing.viewer", e);
            }
            throw e;
        }
        Optional<String> number = context.sources().projectNumber();
        String who = project + number.map(n -> " (number " + n + ")").orElse("");
        List<Budget> covering = budgets.stream().filter(b -> b.covers(project, number)).toList();
        notes.add(budgets.size() + " budget(s) on " + account.orElse("the billing account") + ", " + covering.size()
                + " covering " + who);
        if (covering.isEmpty()) {
            Finding.Builder f = Finding.of(Rating.LOW, ID, project, "no budget covers project " + who)
                    .evidence(budgets.isEmpty() ? "the billing account has no budget" : "budgets on the account: "
                            + budgets.stream().map(b -> b.displayName() + " " + b.projects()).collect(Collectors.joining("; ")));
            if (number.isEmpty() && budgets.stream().anyMatch(b -> b.projects().stream().anyMatch(p -> p.matches("projects/[0-9]+")))) {
                f.evidence("some budgets name projects by number, and the project's number is not known: pass --project-number "
                        + "(gcloud projects describe " + project + " --format='value(projectNumber)')");
            }
            findings.add(f.next("gcloud billing budgets create --billing-account=" + accountId + " --display-name=\"" + project
                            + " monthly\" --budget-amount=500USD --threshold-rule=percent=0.5 --threshold-rule=percent=0.8 "
                            + "--threshold-rule=percent=1.0 --filter-projects=projects/" + number.orElse(project))
                    .fact("project", project).fact("budgets_on_account", budgets.size()).build());
        } else if (covering.stream().noneMatch(b -> b.thresholds().stream().anyMatch(t -> t <= maxThreshold + 1e-9))) {
            Budget b = covering.get(0);
            findings.add(Finding.of(Rating.LOW, ID, project, String.format(Locale.ROOT, "no budget of %s alerts at %.0f%% or below",
                            project, maxThreshold * 100))
                    .evidence(covering.stream().map(x -> x.displayName() + " (" + x.amount() + "): alerts at "
                            + (x.thresholds().isEmpty() ? "none" : x.thresholds().stream().map(t -> String.format(Locale.ROOT, "%.0f%%", t * 100))
                                    .collect(Collectors.joining(", ")))).collect(Collectors.joining("; ")))
                    .next(String.format(Locale.ROOT, "gcloud billing budgets update %s --billing-account=%s --add-threshold-rule=percent=%.2f",
                            b.id(), accountId, maxThreshold))
                    .fact("project", project).fact("budget", b.name()).build());
        } else {
            notes.add("covered by " + covering.stream().map(Budget::displayName).collect(Collectors.joining(", ")));
        }
        return CheckResult.ran(this, source.describe(), findings, notes, List.of());
    }
}
