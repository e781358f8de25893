package dev.propsops.drift;

import dev.propsops.drift.query.Skipped;
import dev.propsops.drift.query.StatsQuery;
import dev.propsops.drift.query.StatsSql;
import dev.propsops.drift.stats.Measurements;
import java.util.List;
import java.util.OptionalLong;

/**
 * Where drift-check reads its figures: BigQuery, or DuckDB over local files. Each source runs the
 * {@link StatsSql} statement of a {@link StatsQuery} in its dialect and returns {@link Measurements}.
 */
public interface FeatureStatsSource extends AutoCloseable {
    /** Named in the report and in errors, e.g. "BigQuery (project p, location us-west2)". */
    String describe();

    /**
     * Looks before anything runs: which queries can run here (a table with no data in a local source is
     * skipped) and, on BigQuery, how many bytes they would scan; refuses (exit 2) over the byte budget.
     */
    Preflight preflight(List<StatsQuery> queries);

    Measurements measure(StatsQuery query);

    /** The sport's schedule through the same connection (and, on BigQuery, the same byte budget). */
    ScheduleSource schedule();

    @Override
    void close();

    /** What the preflight found. */
    record Preflight(List<StatsQuery> runnable, List<Skipped> skipped, OptionalLong bytes) {
        public Preflight {
            runnable = List.copyOf(runnable);
            skipped = List.copyOf(skipped);
        }
    }
}
