package dev.propsops.logs.findings;

import dev.propsops.cloudrun.CloudRunReader;
import dev.propsops.cloudrun.Job;
import dev.propsops.cloudrun.Service;
import dev.propsops.logs.findings.ServiceAccounts.Account;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Service accounts from the shared Cloud Run reader: gcloud's services export ({@code --services FILE}) or
 * the Admin API (one reader per region, opened when a permission finding first needs it). A reader that
 * fails (no {@code roles/run.viewer}, API disabled) is noted, not fatal: the fix then has a placeholder.
 */
public final class CloudRunAccounts implements ServiceAccounts {
    private final String description;
    private final Function<String, CloudRunReader> readerForRegion;
    private final boolean readsJobs;
    private final Map<String, Map<String, Account>> byRegion = new HashMap<>();
    private final Map<String, String> problems = new LinkedHashMap<>();

    /**
     * @param readerForRegion the reader of a region (the same one for every region, for a file)
     * @param readsJobs whether the reader also knows jobs (the Admin API does; a services export does not)
     */
    public CloudRunAccounts(String description, Function<String, CloudRunReader> readerForRegion, boolean readsJobs) {
        this.description = description;
        this.readerForRegion = readerForRegion;
        this.readsJobs = readsJobs;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public Optional<Account> lookup(String service, String region) {
        Map<String, Account> accounts = byRegion.computeIfAbsent(region == null ? "" : region, this::load);
        return Optional.ofNullable(accounts.get(service));
    }

    private Map<String, Account> load(String region) {
        Map<String, Account> out = new HashMap<>();
        try {
            CloudRunReader reader = readerForRegion.apply(region);
            List<Service> services = reader.services();
            for (Service s : services) {
                if (region.isEmpty() || s.region() == null || s.region().isEmpty() || s.region().equals(region)) {
                    out.put(s.name(), s.serviceAccount().<Account>map(Named::new).orElse(new ComputeDefault()));
                }
            }
            if (readsJobs) {
                for (Job j : reader.jobs()) {
                    out.putIfAbsent(j.name(), j.template().serviceAccount().<Account>map(Named::new).orElse(new ComputeDefault()));
                }
            }
        } catch (RuntimeException e) {
            problems.put(region, dev.propsops.cli.ErrorExplainer.explain(e).message());
        }
        return out;
    }

    @Override
    public Optional<String> problem() {
        if (problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("the service accounts could not be read from " + description + ": "
                + String.join("; ", problems.values()) + " (needs roles/run.viewer; or pass --services FILE)");
    }
}
