package dev.propsops.drift.bigquery;

import com.google.cloud.bigquery.FieldValue;
import com.google.cloud.bigquery.FieldValueList;
import com.google.cloud.bigquery.TableResult;
import dev.propsops.drift.ScheduleSource;
import dev.propsops.drift.query.Dialect;
import dev.propsops.drift.query.ScheduleQuery;
import dev.propsops.drift.query.ScheduleSql;
import dev.propsops.drift.query.SqlStatement;
import dev.propsops.drift.season.ScheduledSeason;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The schedule on BigQuery, with the client and byte budget of the run's {@link BigQueryStatsSource}: the
 * statement is dry-run in the preflight (its bytes join the budget) and carries the budget as
 * maximumBytesBilled, like the figures' queries.
 */
public final class BigQueryScheduleSource implements ScheduleSource {
    private final DriftBigQuery bigquery;

    BigQueryScheduleSource(DriftBigQuery bigquery) {
        this.bigquery = bigquery;
    }

    @Override
    public void preflight(ScheduleQuery query) {
        long bytes = bigquery.dryRun("dry-run the schedule query of " + query.spec().table(), statement(query));
        bigquery.budget().reserve(query.spec().table() + " (schedule)", bytes);
    }

    @Override
    public List<ScheduledSeason> seasons(ScheduleQuery query) {
        TableResult result = bigquery.query("read the schedule " + query.spec().table(), statement(query));
        List<ScheduleSql.Row> rows = new ArrayList<>();
        for (FieldValueList row : result.iterateAll()) {
            rows.add(new ScheduleSql.Row(date(row.get(ScheduleSql.SEASON_START)).orElseThrow(),
                    date(row.get(ScheduleSql.PREVIOUS_GAME_DAY)), date(row.get(ScheduleSql.LAST_GAME_DAY)).orElseThrow()));
        }
        return ScheduleSql.seasons(rows);
    }

    /** The statement as sent: the BigQuery dialect, the table qualified with the project. */
    public SqlStatement statement(ScheduleQuery q) {
        return ScheduleSql.build(q, Dialect.BIGQUERY, Dialect.BIGQUERY.table(Optional.of(bigquery.target().projectId()), q.spec().table()));
    }

    private static Optional<LocalDate> date(FieldValue v) {
        return v.isNull() ? Optional.empty() : Optional.of(LocalDate.parse(v.getStringValue()));
    }
}
