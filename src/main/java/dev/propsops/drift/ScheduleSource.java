package dev.propsops.drift;

import dev.propsops.drift.query.ScheduleQuery;
import dev.propsops.drift.season.ScheduledSeason;
import java.util.List;

/**
 * Where drift-check reads a sport's schedule: through the same connection as its figures (BigQuery, or
 * DuckDB over local files, with the same {@code <dataset>/<table>/*.parquet} layout), with the one
 * {@link dev.propsops.drift.query.ScheduleSql} statement. A schedule that cannot be read is no reason to
 * stop: both methods then throw a {@link dev.propsops.cli.StoreException}, and the run goes on with the
 * configured seasons and says so.
 */
public interface ScheduleSource {
    /**
     * Looks before anything runs: the table is there and, on BigQuery, the dry run's bytes join the run's
     * byte budget (which the figures' preflight then checks).
     */
    void preflight(ScheduleQuery query);

    /** The seasons the schedule shows in the query's range, earliest first. */
    List<ScheduledSeason> seasons(ScheduleQuery query);
}
