package dev.propsops.drift.findings;

import dev.propsops.cli.Severity;

/**
 * A finding's status as reported. bootstrap (no data by design) and no-baseline (nothing to compare with)
 * say why there is no verdict; neither alarms.
 */
public enum FindingStatus {
    ok,
    warn,
    critical,
    bootstrap,
    no_baseline;

    /** As written in reports: ok, warn, critical, bootstrap, no-baseline. */
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
