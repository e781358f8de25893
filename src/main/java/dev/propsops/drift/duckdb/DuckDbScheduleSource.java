package dev.propsops.drift.duckdb;

import dev.propsops.cli.StoreException;
import dev.propsops.drift.ScheduleSource;
import dev.propsops.drift.query.Dialect;
import dev.propsops.drift.query.ScheduleQuery;
import dev.propsops.drift.query.ScheduleSql;
import dev.propsops.drift.season.ScheduledSeason;
import java.io.FileNotFoundException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The schedule in the run's DuckDB: the same Parquet layout or database file as the figures. */
public final class DuckDbScheduleSource implements ScheduleSource {
    private final DuckDbTables tables;

    DuckDbScheduleSource(DuckDbTables tables) {
        this.tables = tables;
    }

    @Override
    public void preflight(ScheduleQuery query) {
        Optional<String> missing = tables.missing(query.spec().table());
        if (missing.isPresent()) {
            throw new StoreException("read the schedule " + query.spec().table(), tables.describe(), null,
                    new FileNotFoundException(missing.get()));
        }
    }

    @Override
    public List<ScheduledSeason> seasons(ScheduleQuery query) {
        preflight(query);
        return ScheduleSql.seasons(tables.query("read the schedule " + query.spec().table(),
                ScheduleSql.build(query, Dialect.DUCKDB, DuckDbTables.reference(query.spec().table())),
                rs -> new ScheduleSql.Row(rs.getObject(ScheduleSql.SEASON_START, LocalDate.class),
                        Optional.ofNullable(rs.getObject(ScheduleSql.PREVIOUS_GAME_DAY, LocalDate.class)),
                        rs.getObject(ScheduleSql.LAST_GAME_DAY, LocalDate.class))));
    }
}
