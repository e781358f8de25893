package dev.propsops.audit.budget.gcp;

import com.google.api.gax.rpc.ApiException;
import com.google.cloud.billing.budgets.v1.BudgetServiceClient;
import com.google.cloud.billing.budgets.v1.BudgetServiceSettings;
import com.google.cloud.billing.budgets.v1.ListBudgetsRequest;
import com.google.cloud.billing.v1.CloudBillingClient;
import com.google.cloud.billing.v1.CloudBillingSettings;
import com.google.cloud.billing.v1.ProjectBillingInfo;
import com.google.type.Money;
import dev.propsops.audit.budget.Budget;
import dev.propsops.audit.budget.BudgetSource;
import dev.propsops.cli.StoreException;
import dev.propsops.gcp.GcpAccess;
import dev.propsops.gcp.GoogleApi;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Cloud Billing (getProjectBillingInfo: the project's billing account) and Budgets (listBudgets of that
 * account, paged), both through their gapic clients on REST. Two calls plus one per page of budgets.
 */
public final class CloudBillingBudgetSource implements BudgetSource, AutoCloseable {
    /** getProjectBillingInfo needs resourcemanager.projects.get on the project. */
    static final String BILLING_INFO_ROLE = "roles/browser (or roles/viewer) on the project";
    static final String BUDGETS_ROLE = "roles/billing.viewer on the billing account";

    private final GcpAccess access;
    private CloudBillingClient billing;
    private BudgetServiceClient budgets;

    public CloudBillingBudgetSource(GcpAccess access) {
        this.access = access;
    }

    @Override
    public String describe() {
        return "Cloud Billing and Budgets APIs";
    }

    @Override
    public Optional<BillingInfo> billing(String projectId) {
        try {
            if (billing == null) {
                CloudBillingSettings.Builder b = access.configure(GoogleApi.BILLING, CloudBillingSettings.newHttpJsonBuilder());
                b.applyToAllUnaryMethods(m -> {
                    m.setRetrySettings(access.retrySettings(GoogleApi.BILLING));
                    return null;
                });
                billing = CloudBillingClient.create(b.build());
            }
            ProjectBillingInfo info = billing.getProjectBillingInfo("projects/" + projectId);
            String account = info.getBillingAccountName();
            return Optional.of(new BillingInfo(account.isBlank() ? Optional.empty() : Optional.of(account), info.getBillingEnabled()));
        } catch (ApiException | IOException e) {
            throw new StoreException("get the billing account of project " + projectId, "Cloud Billing API at "
                    + access.endpoint(GoogleApi.BILLING).describe(), BILLING_INFO_ROLE, e);
        }
    }

    @Override
    public List<Budget> budgets(Optional<String> billingAccount) {
        String account = billingAccount.orElseThrow(() -> new dev.propsops.audit.CheckSkipped(
                "the project's billing account is not known", "check that billing is enabled for the project"));
        try {
            if (budgets == null) {
                BudgetServiceSettings.Builder b = access.configure(GoogleApi.BUDGETS, BudgetServiceSettings.newHttpJsonBuilder());
                b.applyToAllUnaryMethods(m -> {
                    m.setRetrySettings(access.retrySettings(GoogleApi.BUDGETS));
                    return null;
                });
                budgets = BudgetServiceClient.create(b.build());
            }
            List<Budget> out = new ArrayList<>();
            for (com.google.cloud.billing.budgets.v1.Budget b : budgets.listBudgets(ListBudgetsRequest.newBuilder()
                    .setParent(account).setPageSize(100).build()).iterateAll()) {
                out.add(new Budget(b.getName(), b.getDisplayName().isBlank() ? b.getName() : b.getDisplayName(),
                        b.getBudgetFilter().getProjectsList(),
                        b.getThresholdRulesList().stream().map(t -> t.getThresholdPercent()).toList(), amount(b)));
            }
            return out;
        } catch (ApiException | IOException e) {
            throw new StoreException("list the budgets of " + account, "Cloud Billing Budget API at "
                    + access.endpoint(GoogleApi.BUDGETS).describe(), BUDGETS_ROLE + " " + account, e);
        }
    }

    static String amount(com.google.cloud.billing.budgets.v1.Budget b) {
        if (b.getAmount().hasSpecifiedAmount()) {
            Money m = b.getAmount().getSpecifiedAmount();
            return String.format(Locale.ROOT, "%.2f %s", m.getUnits() + m.getNanos() / 1e9, m.getCurrencyCode());
        }
        return b.getAmount().hasLastPeriodAmount() ? "last period's spend" : "no amount";
    }

    @Override
    public void close() {
        if (billing != null) {
            billing.close();
        }
        if (budgets != null) {
            budgets.close();
        }
    }
}
