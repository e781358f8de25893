package dev.propsops.audit.budget;

import java.util.List;
import java.util.Optional;

/**
 * Cloud Billing for the budget check: which billing account pays for the project (getProjectBillingInfo, or
 * {@code billing.json}), and the budgets of that account (listBudgets, or {@code budgets.json}).
 */
public interface BudgetSource {
    String describe();

    /** The project's billing: its account ({@code billingAccounts/...}) and whether billing is on; empty when unknown. */
    Optional<BillingInfo> billing(String projectId);

    /** The budgets of the account (the export's budgets were listed for one account: the argument may be empty). */
    List<Budget> budgets(Optional<String> billingAccount);

    record BillingInfo(Optional<String> account, boolean enabled) {
    }
}
