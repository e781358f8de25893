package dev.propsops.audit;

/**
 * One check of the audit. Checks are independent: each reads its own sources through the context, and one
 * that cannot run throws {@link CheckSkipped} (or fails; the runner turns any failure into a skip with the
 * reason and the fix) without stopping the others.
 */
public interface AuditCheck {
    /** The name {@code --checks} takes, e.g. bigquery-cost. */
    String id();

    /** For reports, e.g. "BigQuery cost". */
    String title();

    CheckResult run(AuditContext context);
}
