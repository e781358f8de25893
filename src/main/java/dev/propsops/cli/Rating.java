package dev.propsops.cli;

import java.util.Locale;

/**
 * How serious a finding is, on the handoff's scale: CRITICAL, HIGH, MEDIUM, LOW, and INFO for what is worth
 * showing but never alarms. Ordered, so the worst finding of a run decides its exit code (see
 * {@link RatingFailOnOptions}). The jobs that rate findings this way (log-triage, infra-audit,
 * deploy-drift, repo-check) share it.
 */
public enum Rating {
    INFO,
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL;

    public boolean atLeast(Rating other) {
        return compareTo(other) >= 0;
    }

    public static Rating worst(Rating a, Rating b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** As reports print it: "HIGH". */
    public String label() {
        return name();
    }

    /** As flags and JSON write it: "high". */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
