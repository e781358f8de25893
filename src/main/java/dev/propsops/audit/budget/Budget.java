package dev.propsops.audit.budget;

import java.util.List;

/**
 * A Cloud Billing budget: the projects its filter names ({@code projects/<number>} as the API writes them,
 * empty = every project of the billing account), its alert thresholds (fractions: 0.8 = 80%) and its amount.
 */
public record Budget(String name, String displayName, List<String> projects, List<Double> thresholds, String amount) {
    public Budget {
        projects = List.copyOf(projects);
        thresholds = List.copyOf(thresholds);
    }

    /** The id at the end of billingAccounts/A/budgets/ID. */
    public String id() {
        int i = name.lastIndexOf('/');
        return i < 0 ? name : name.substring(i + 1);
    }

    /** Whether the budget covers a project given by id and, when known, number. */
    public boolean covers(String projectId, java.util.Optional<String> projectNumber) {
        if (projects.isEmpty()) {
            return true;
        }
        return projects.stream().map(p -> p.startsWith("projects/") ? p.substring("projects/".length()) : p)
                .anyMatch(p -> p.equals(projectId) || projectNumber.filter(p::equals).isPresent());
    }
}
