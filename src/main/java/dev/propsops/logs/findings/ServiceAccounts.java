package dev.propsops.logs.findings;

import java.util.Optional;

/**
 * Which service account a Cloud Run service or job runs as, for the exact fix of a permission error.
 * From {@code --services FILE} (gcloud's export) or the Cloud Run Admin API; either may not know.
 */
public interface ServiceAccounts {
    /** What a lookup found. */
    sealed interface Account {
    }

    /** The account is set on the service. */
    record Named(String email) implements Account {
    }

    /** The service is known and sets no account: it runs as the Compute Engine default service account. */
    record ComputeDefault() implements Account {
    }

    /** Where accounts come from, for the report ("gcloud export services.json"). */
    String describe();

    /** The account of {@code service} in {@code region} (may be empty: any region). */
    Optional<Account> lookup(String service, String region);

    /** Why lookups could not be made (the Admin API refused, ...), if they could not. */
    default Optional<String> problem() {
        return Optional.empty();
    }

    /** No source of accounts: every fix has a placeholder. */
    ServiceAccounts NONE = new ServiceAccounts() {
        @Override
        public String describe() {
            return "none (no --services file)";
        }

        @Override
        public Optional<Account> lookup(String service, String region) {
            return Optional.empty();
        }
    };
}
