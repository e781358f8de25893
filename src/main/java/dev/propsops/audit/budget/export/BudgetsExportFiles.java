package dev.propsops.audit.budget.export;

import com.fasterxml.jackson.databind.JsonNode;
import dev.propsops.audit.budget.Budget;
import dev.propsops.audit.budget.BudgetSource;
import dev.propsops.audit.sources.BqValues;
import dev.propsops.cli.JsonRecords;
import dev.propsops.cli.JsonRecords.RecordFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Budgets from {@code budgets.json} ({@code gcloud billing budgets list --billing-account=A --format=json})
 * and, when present, the project's billing from {@code billing.json} ({@code gcloud billing projects describe}).
 */
public final class BudgetsExportFiles implements BudgetSource {
    private final Path budgets;
    private final Path billing;

    public BudgetsExportFiles(Path budgets, Path billing) {
        this.budgets = budgets;
        this.billing = billing;
    }

    @Override
    public String describe() {
        return budgets + (Files.exists(billing) ? " and " + billing : "");
    }

    @Override
    public Optional<BillingInfo> billing(String projectId) {
        if (!Files.exists(billing)) {
            return Optional.empty();
        }
        List<BillingInfo> out = new ArrayList<>();
        JsonRecords.read(billing, (n, index, line) -> {
            if (!n.isObject()) {
                throw new RecordFileException(billing, line, "expected the object `gcloud billing projects describe` prints", index);
            }
            boolean enabled = !n.has("billingEnabled") || BqValues.bool(n.get("billingEnabled"), "billingEnabled");
            out.add(new BillingInfo(BqValues.text(n.get("billingAccountName")), enabled));
        });
        return out.stream().findFirst();
    }

    @Override
    public List<Budget> budgets(Optional<String> billingAccount) {
        List<Budget> out = new ArrayList<>();
        JsonRecords.read(budgets, (n, index, line) -> {
            if (!n.isObject() || BqValues.text(n.get("name")).isEmpty()) {
                throw new RecordFileException(budgets, line, "expected a budget with a name (`gcloud billing budgets list "
                        + "--format=json`)", index);
            }
            List<String> projects = new ArrayList<>();
            n.path("budgetFilter").path("projects").forEach(p -> projects.add(p.asText()));
            List<Double> thresholds = new ArrayList<>();
            for (JsonNode t : n.path("thresholdRules")) {
                try {
                    thresholds.add(Double.parseDouble(t.path("thresholdPercent").asText()));
                } catch (NumberFormatException e) {
                    throw new RecordFileException(budgets, line, "thresholdPercent " + t.path("thresholdPercent") + " is not a number", index);
                }
            }
            JsonNode spec = n.path("amount").path("specifiedAmount");
            String amount = spec.isObject() ? String.format(Locale.ROOT, "%s %s", spec.path("units").asText("0"),
                    spec.path("currencyCode").asText("")).trim() : n.path("amount").has("lastPeriodAmount") ? "last period's spend" : "no amount";
            String name = n.get("name").asText();
            out.add(new Budget(name, n.path("displayName").asText(name), projects, thresholds, amount));
        });
        return out;
    }
}
