package dev.propsops.drift.findings;

import dev.propsops.cli.Severity;

/**
 * A finding's status as reported. bootstrap (no data by design), no-baseline (nothing to compare with) and
 * unknown-season (no rows, and no known season says whether there should be) say why there is no verdict;
 * none of them alarms.
 */
public enum FindingStatus {
    ok,
    warn,
    critical,
    bootstrap,
    no_baseline,
    unknown_season;

    /** As written in reports: ok, warn, critical, bootstrap, no-baseline, unknown-season. */
    public String label() {
        return name().replace('_', '-');
    }

    public Severity severity() {
        return switch (this) {
            case warn -> Severity.warn;
            case critical -> Severity.critical;
            default -> Severity.ok;
        };
    }

    static FindingStatus of(Severity s) {
        return switch (s) {
            case ok -> ok;
            case warn -> warn;
            case critical -> critical;
        };
    }
}
