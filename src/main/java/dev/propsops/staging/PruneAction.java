package dev.propsops.staging;

/** {@code --action}: what a run does with its candidates. Only {@link #report} never changes anything. */
public enum PruneAction {
    /** List the candidates; read-only. */
    report,
    /** Set an expiration --grace from now: the owner still has a window, BigQuery does the delete. */
    expire,
    /** Delete now, after writing a restore manifest line for each table. */
    delete,
    /** Give every staging table without an expiration one at last modification + --lifecycle-after. */
    lifecycle;

    public boolean mutates() {
        return this != report;
    }
}
