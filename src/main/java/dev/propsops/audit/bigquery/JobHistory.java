package dev.propsops.audit.bigquery;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * BigQuery's job history (INFORMATION_SCHEMA.JOBS_BY_PROJECT) as the audit reads it: online through two
 * aggregate queries, offline from the {@code jobs.json} that bq prints. Failures are
 * {@link dev.propsops.cli.StoreException}s, or {@link dev.propsops.audit.CheckSkipped} when the source is not
 * there.
 */
public interface JobHistory {
    String describe();

    /** The {@code top} most expensive query shapes of [from, to), and the totals over all shapes. */
    CostSummary costByShape(Instant from, Instant to, int top);

    /** The datasets of {@code project} that a job of [from, to) read. */
    Set<String> referencedDatasets(String project, Instant from, Instant to);

    /** The earliest job the source holds, when it can tell (an export may cover less than asked). */
    Optional<Instant> earliestJob();
}
